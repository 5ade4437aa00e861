from .account import AccountPage
from .digest import SentDigestItem
from .documents import DocumentLibraryPage
from .home import IntranetHomePage
from .news import MemberNewsAttachment, MemberNewsIndexPage, MemberNewsPage, NewsReadMark
from .people import PeopleDirectoryPage
from .profile import DigestFrequency, MemberProfile
from .projects import ProjectSpacePage, ProjectStatus, ProjectUpdate

__all__ = [
    "AccountPage",
    "DigestFrequency",
    "DocumentLibraryPage",
    "IntranetHomePage",
    "MemberNewsAttachment",
    "MemberNewsIndexPage",
    "MemberNewsPage",
    "MemberProfile",
    "NewsReadMark",
    "PeopleDirectoryPage",
    "ProjectSpacePage",
    "ProjectStatus",
    "ProjectUpdate",
    "SentDigestItem",
]
