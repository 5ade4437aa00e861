from .digest import SentDigestItem
from .documents import DocumentLibraryPage
from .home import IntranetHomePage
from .news import MemberNewsAttachment, MemberNewsIndexPage, MemberNewsPage
from .profile import MemberProfile
from .projects import ProjectSpacePage, ProjectStatus, ProjectUpdate

__all__ = [
    "DocumentLibraryPage",
    "IntranetHomePage",
    "MemberNewsAttachment",
    "MemberNewsIndexPage",
    "MemberNewsPage",
    "MemberProfile",
    "ProjectSpacePage",
    "ProjectStatus",
    "ProjectUpdate",
    "SentDigestItem",
]
