"""The project's URLs with the documents' pages and API, for the documents' tests until
``chengxin/urls.py`` and ``chengxin/api.py`` carry them (see the wiring requests).

Ninja takes no router once the project's API has made its URLs, so until then the
documents' router is served by a second API under the same prefix, with the project
API's authentication, parser and error handlers; every other path falls through to
the project's API."""

from django.urls import include, path
from ninja import NinjaAPI

from chengxin.accounts.api import TokenAuth
from chengxin.api import api
from chengxin.core.api_types import SafeTextParser
from chengxin.documents.api import router
from chengxin.urls import urlpatterns as project

urlpatterns = list(project)
if not any(pattern.pattern.describe().startswith("'documents/'") for pattern in project):
    urlpatterns.insert(0, path("documents/", include("chengxin.documents.urls")))
if all(attached is not router for _prefix, attached in api._routers):
    documents_api = NinjaAPI(
        title="Chengxin API (documents)",
        version="1.0.0",
        auth=TokenAuth(),
        urls_namespace="api-documents",
        parser=SafeTextParser(),
    )
    documents_api._exception_handlers.update(api._exception_handlers)
    documents_api.add_router("/", router)
    urlpatterns.insert(0, path("api/v1/", documents_api.urls))
