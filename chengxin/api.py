"""The JSON API: one NinjaAPI, each app contributing its router from api.py."""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as SchemaValidationError

from chengxin.accounts.api import TokenAuth
from chengxin.core.api_types import SafeTextParser, UnsafeTextInBody
from chengxin.core.errors import Conflict

API_DESCRIPTION = """Customers, contacts and channels of an exporter, with the same rules as the
pages: you see and change through the API exactly what you may see and change on the pages,
and every change is kept in the audit trail, marked as made through the API.

**Getting a token.** Sign in to Chengxin, open *API tokens* (`/accounts/api-tokens/`), give
the token a name (the tool that will use it) and copy it: it is shown once. Send it with every
request as `Authorization: Bearer cx_…`. A revoked token, or one of a deactivated user,
answers 401. Revoke a token on the same page when a tool no longer needs it.

**Language.** Messages (errors, duplicate reasons, country names) follow the request's
`Accept-Language` header: `en` or `zh-hans` (the default).

**Answers.** 401: no valid token. 404: no such record, or not one you may see. 403: you may
see it but not do this. 409: refused because of the record's state (e.g. a company that
still has payments). 422: bad input, with messages per field in `errors` (also an id or
a number beyond its range, and text with a NUL character or a lone surrogate, which no
field accepts, and a body that is not JSON). 405: that method is not offered on this path.
"""

api = NinjaAPI(
    title="Chengxin API",
    version="1.0.0",
    description=API_DESCRIPTION,
    auth=TokenAuth(),
    urls_namespace="api-1.0.0",
    parser=SafeTextParser(),
)


@api.exception_handler(PermissionDenied)
def _permission_denied(request, exc):
    return api.create_response(
        request, {"detail": str(exc) or _("You may not do this.")}, status=403
    )


@api.exception_handler(Conflict)
def _conflict(request, exc):
    return api.create_response(request, {"detail": exc.message}, status=409)


@api.exception_handler(ObjectDoesNotExist)
def _gone(request, exc):
    """A record a service reads again under its lock is gone (deleted meanwhile): 404."""
    return api.create_response(request, {"detail": "Not Found"}, status=404)


@api.exception_handler(ValidationError)
def _validation_error(request, exc):
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(request, {"detail": "invalid", "errors": errors}, status=422)


# Pydantic errors about a limit that counts something: the limit's name in the error's
# context, and the message (plural by the placeholder that takes it).
_COUNTED_LIMITS = {
    "string_too_long": (
        "max_length",
        "limit",
        ngettext_lazy(
            "Enter at most %(limit)d character.", "Enter at most %(limit)d characters.", "limit"
        ),
    ),
    "decimal_max_digits": (
        "max_digits",
        "digits",
        ngettext_lazy(
            "Enter a number of at most %(digits)d digit.",
            "Enter a number of at most %(digits)d digits.",
            "digits",
        ),
    ),
    "decimal_max_places": (
        "decimal_places",
        "places",
        ngettext_lazy(
            "Enter a number with at most %(places)d decimal place.",
            "Enter a number with at most %(places)d decimal places.",
            "places",
        ),
    ),
}


def _schema_error_message(error: dict) -> str:
    """A person's message for one of pydantic's error types, in the active language."""
    kind, ctx = error.get("type", ""), error.get("ctx") or {}
    if kind == "missing":
        return _("This field is required.")
    if kind == "extra_forbidden":
        return _("This field is not known.")
    if kind == "string_type":
        return _("Enter text.")
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return _("Enter a whole number.")
    if kind in ("bool_type", "bool_parsing"):
        return _("Enter true or false.")
    if kind == "list_type":
        return _("Enter a list of values.")
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return _("Enter an object.")
    if kind in _COUNTED_LIMITS:
        limit, placeholder, message = _COUNTED_LIMITS[kind]
        return message % {placeholder: ctx.get(limit, 0)}
    if kind == "less_than_equal":
        return _("Ensure this value is less than or equal to %(limit_value)s.") % {
            "limit_value": ctx.get("le")
        }
    if kind == "greater_than_equal":
        return _("Ensure this value is greater than or equal to %(limit_value)s.") % {
            "limit_value": ctx.get("ge")
        }
    if kind in ("decimal_parsing", "decimal_type", "finite_number"):
        return _("Enter a number.")
    if kind == "decimal_whole_digits":
        return _("This amount is too large.")
    if kind in ("enum", "literal_error"):
        # pydantic lists the choices in English ("'A', 'B' or 'C'"); keep only the values.
        expected = str(ctx.get("expected", "")).replace(" or ", ", ")
        return _("Choose one of: %(expected)s.") % {"expected": expected}
    return _("Enter a valid value.")


@api.exception_handler(SchemaValidationError)
def _schema_validation_error(request, exc):
    """Input that does not fit the schema: the same answer as the services' 422."""
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        loc = [str(part) for part in error.get("loc", ())]
        # ("body", "payload", "contacts", "0", "name") → "contacts.0.name"; ("query", "limit") → "limit"
        field = ".".join(loc[2:] if loc[:1] == ["body"] else loc[1:]) or "__all__"
        errors.setdefault(field, []).append(_schema_error_message(error))
    return api.create_response(request, {"detail": "invalid", "errors": errors}, status=422)


@api.exception_handler(HttpError)
def _http_error(request, exc):
    """Ninja's own errors. A body it could not read (not JSON, or text no field accepts) is
    bad input like any other: 422 with the messages, as the schema documents."""
    cause = exc.__cause__
    if isinstance(cause, UnsafeTextInBody):
        return api.create_response(
            request, {"detail": "invalid", "errors": cause.errors}, status=422
        )
    if exc.status_code == 400 and cause is not None:
        errors = {"__all__": [_("The request body is not valid JSON.")]}
        return api.create_response(request, {"detail": "invalid", "errors": errors}, status=422)
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    response = api.create_response(
        request,
        {"detail": _("Authentication required: send Authorization: Bearer <token>.")},
        status=401,
    )
    response["WWW-Authenticate"] = "Bearer"
    return response


@csrf_exempt
def api_not_found(request, *args, **kwargs):
    """Any other address under the API (e.g. a negative id, which no route matches): a 404
    in JSON like the API's own, not the site's HTML page."""
    return JsonResponse({"detail": "Not Found"}, status=404)


def _register_routers() -> None:
    from chengxin.changes.api import router as changes_router
    from chengxin.outbox.api import router as outbox_router
    from chengxin.parties.api import router as parties_router

    api.add_router("/", parties_router)
    api.add_router("/", changes_router)
    api.add_router("/", outbox_router)
    api.add_router("/", "chengxin.publicrecord.api.router")
    api.add_router("/", "chengxin.todos.api.router")
    api.add_router("/", "chengxin.compensation.api.router")
    api.add_router("/", "chengxin.campaigns.api.router")
    api.add_router("/", "chengxin.banking.api.router")
    api.add_router("/", "chengxin.fx.api.router")
    api.add_router("/", "chengxin.catalog.api.router")
    api.add_router("/", "chengxin.inquiries.api.router")
    api.add_router("/", "chengxin.orders.api.router")
    api.add_router("/", "chengxin.shipments.api.router")
    api.add_router("/", "chengxin.commitments.api.router")
    api.add_router("/", "chengxin.documents.api.router")


_register_routers()
