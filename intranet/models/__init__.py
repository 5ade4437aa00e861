from .contributions import DocumentVersion, JoinRequest, ProjectPost
from .digest import SentDigestItem
from .documents import DocumentLibraryPage
from .home import IntranetHomePage
from .news import MemberNewsAttachment, MemberNewsIndexPage, MemberNewsPage
from .profile import MemberProfile
from .project_list import ProjectListPage
from .projects import ProjectSpacePage, ProjectStatus, ProjectUpdate

__all__ = [
    "DocumentLibraryPage",
    "DocumentVersion",
    "IntranetHomePage",
    "JoinRequest",
    "MemberNewsAttachment",
    "MemberNewsIndexPage",
    "MemberNewsPage",
    "MemberProfile",
    "ProjectListPage",
    "ProjectPost",
    "ProjectSpacePage",
    "ProjectStatus",
    "ProjectUpdate",
    "SentDigestItem",
]
