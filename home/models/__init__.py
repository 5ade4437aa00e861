from .contact_page import ContactPage, ContactPageContact
from .contacts import StaffContact
from .events import EventIndexPage, EventPage
from .footer import Footer
from .goals import Goal, GoalsPage
from .home_page import HomePage
from .labels import LabelIndexPage, LabelPage
from .members import MemberCompany, MemberDirectoryPage, Sector
from .membership import MembershipPage
from .news import NewsIndexPage, NewsPage, NewsPageTag, NewsTag
from .newsletter import NewsletterSubscription
from .partners import Partner
from .programmes import ProgrammeIndexPage, ProgrammeLevel, ProgrammePage
from .standard import StandardPage

__all__ = [
    "ContactPage",
    "ContactPageContact",
    "EventIndexPage",
    "EventPage",
    "Footer",
    "Goal",
    "GoalsPage",
    "HomePage",
    "LabelIndexPage",
    "LabelPage",
    "MemberCompany",
    "MemberDirectoryPage",
    "MembershipPage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "NewsTag",
    "NewsletterSubscription",
    "Partner",
    "ProgrammeIndexPage",
    "ProgrammeLevel",
    "ProgrammePage",
    "Sector",
    "StaffContact",
    "StandardPage",
]
