"""The JSON API: one NinjaAPI, each app contributing its router from api.py."""

from django.core.exceptions import PermissionDenied, ValidationError
from ninja import NinjaAPI
from ninja.errors import AuthenticationError

from chengxin.accounts.api import TokenAuth

api = NinjaAPI(
    title="Chengxin API",
    version="1.0.0",
    description="Customers, contacts and channels of an exporter, with the same rules as the pages.",
    auth=TokenAuth(),
    urls_namespace="api-1.0.0",
)


@api.exception_handler(PermissionDenied)
def _permission_denied(request, exc):
    return api.create_response(request, {"detail": str(exc) or "Forbidden"}, status=403)


@api.exception_handler(ValidationError)
def _validation_error(request, exc):
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(request, {"detail": "invalid", "errors": errors}, status=422)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    return api.create_response(request, {"detail": "Authentication required"}, status=401)


def _register_routers() -> None:
    from chengxin.parties.api import router as parties_router

    api.add_router("/", parties_router)


_register_routers()
