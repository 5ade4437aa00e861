from .home_page import HomePage
from .members import MemberCompany, Sector

__all__ = ["HomePage", "MemberCompany", "Sector"]
