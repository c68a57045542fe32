"""The public check as JSON, for websites that embed it: no login, the same service,
the same limit and the same log as the page."""

from __future__ import annotations

import datetime

from django.utils import translation
from ninja import Field, Router, Schema, Status

from chengxin.core.addresses import request_client_address
from chengxin.core.api_types import InvalidOut
from chengxin.publicrecord import services

router = Router(tags=["public record"])


class AccountCheckIn(Schema):
    number: str = Field(
        max_length=100,
        description="The account number or IBAN the buyer was given, as typed "
        "(spaces, dashes, lower case and full-width digits are fine).",
    )


class AccountCheckOut(Schema):
    answer: str = Field(
        description="active, retired, unknown (not our account: call before paying), "
        "invalid (not an account number) or limited (too many checks)."
    )
    message: str = Field(description="The answer in words, in the request's language.")
    last4: str = Field(description="The last four characters of the number as typed.")
    company: str = Field(description="Our company's name.")
    phone: str = Field(description="The number to call before paying.")
    active_since: datetime.date | None = Field(description="For active: since when.")
    retired_on: datetime.date | None = Field(description="For retired: since when.")


@router.post(
    "/public/account-checks",
    auth=None,
    response={200: AccountCheckOut, 422: InvalidOut, 429: AccountCheckOut},
    summary="Check an account number against our accounts (no login)",
    description="Answers whether a number is an active or retired account of ours, or "
    "not ours. Limited per client address (HTTP 429 over the limit); every check is "
    "logged, and a number that is not ours alerts our finance team.",
)
def account_check(request, payload: AccountCheckIn):
    result = services.public_verify(
        text=payload.number,
        ip=request_client_address(request),
        user_agent=request.META.get("HTTP_USER_AGENT", ""),
        language=translation.get_language(),
    )
    body = {
        "answer": result.answer,
        "message": result.message,
        "last4": result.last4,
        "company": result.company_name,
        "phone": result.phone,
        "active_since": result.active_since,
        "retired_on": result.retired_on,
    }
    return Status(result.status_code, body)
