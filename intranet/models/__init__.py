from .account import AccountPage
from .contributions import DocumentVersion, JoinRequest, ProjectPost
from .digest import SentDigestItem
from .documents import DocumentLibraryPage
from .home import IntranetHomePage
from .news import MemberNewsAttachment, MemberNewsIndexPage, MemberNewsPage, NewsReadMark
from .people import PeopleDirectoryPage
from .profile import DigestFrequency, MemberProfile
from .project_list import ProjectListPage
from .projects import ProjectSpacePage, ProjectStatus, ProjectUpdate

__all__ = [
    "AccountPage",
    "DigestFrequency",
    "DocumentLibraryPage",
    "DocumentVersion",
    "IntranetHomePage",
    "JoinRequest",
    "MemberNewsAttachment",
    "MemberNewsIndexPage",
    "MemberNewsPage",
    "MemberProfile",
    "NewsReadMark",
    "PeopleDirectoryPage",
    "ProjectListPage",
    "ProjectPost",
    "ProjectSpacePage",
    "ProjectStatus",
    "ProjectUpdate",
    "SentDigestItem",
]
