from wagtail.snippets.models import register_snippet

from .models import MemberCompany

register_snippet(MemberCompany)
