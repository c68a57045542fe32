from django.utils import timezone
from ninja.security import HttpBearer

from chengxin.accounts.models import ApiToken


class TokenAuth(HttpBearer):
    """``Authorization: Bearer cx_…`` with a token made on the API tokens page."""

    def authenticate(self, request, token: str):
        token_row = (
            ApiToken.objects.select_related("user")
            .filter(digest=ApiToken.digest_of(token), revoked_at__isnull=True)
            .first()
        )
        if token_row is None or not token_row.user.is_active:
            return None
        now = timezone.now()
        if token_row.last_used_at is None or (now - token_row.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=token_row.pk).update(last_used_at=now)
        request.user = token_row.user
        return token_row.user
