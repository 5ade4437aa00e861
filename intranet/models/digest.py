from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SentDigestItem(models.Model):
    """One item (news, document or project update) that went out in a member's digest.

    The key is language-independent (a translation key or a document id), so an
    item is never sent twice, even if the member changes language.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="sent_digest_items",
    )
    item_key = models.CharField(_("item"), max_length=100)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("sent digest item")
        verbose_name_plural = _("sent digest items")
        constraints = [
            models.UniqueConstraint(fields=["user", "item_key"], name="unique_digest_item_per_user")
        ]

    def __str__(self):
        return self.item_key
