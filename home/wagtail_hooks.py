from wagtail.snippets.models import register_snippet

from .models import Footer, MemberCompany, NewsTag, Partner, StaffContact

register_snippet(MemberCompany)
register_snippet(NewsTag)
register_snippet(Footer)
register_snippet(StaffContact)
register_snippet(Partner)
