from wagtail.snippets.models import register_snippet

from .models import Footer, MemberCompany, NewsTag

register_snippet(MemberCompany)
register_snippet(NewsTag)
register_snippet(Footer)
