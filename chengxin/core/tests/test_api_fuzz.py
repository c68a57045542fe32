"""The API fuzzed against its own schema (/api/v1/openapi.json) with schemathesis, as a
sales rep and as a manager, each with an API token as tools use it: every operation gets
generated requests, valid ones and invalid ones. Each answer must be below 500, and its
status, content type and body must be the ones the schema documents for that operation.

Deterministic (derandomised, no example database) and bounded, so it runs the same way in
every run of the suite, in about a minute on SQLite, without network."""

from __future__ import annotations

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from chengxin.accounts.services import api_token_create
from chengxin.testing import make_company

EXAMPLES_PER_OPERATION = {GenerationMode.POSITIVE: 6, GenerationMode.NEGATIVE: 4}
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def api_schema(db):
    """The schema as served, with requests going to the WSGI application in this process
    and inside the test's transaction (as Django's test client does, a request's start
    and end do not close the database connection)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def _fuzz(operation, mode: GenerationMode, headers: dict, path_parameters=None) -> None:
    @given(case=operation.as_strategy(generation_mode=mode, path_parameters=path_parameters))
    @settings(
        max_examples=EXAMPLES_PER_OPERATION[mode],
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
        print_blob=False,
    )
    def run(case):
        case.call_and_validate(headers=headers, checks=CHECKS)

    run()


@pytest.mark.parametrize("role", ["owner", "manager"])
def test_api_answers_as_documented_to_any_input(request, api_schema, role, company, finance):
    user = request.getfixturevalue(role)
    # Something to find: companies of each kind of owner, with contacts and channels.
    own = make_company(
        actor=user, name="Fuzz Buyer Ltd", country="GB", email="buy@fuzz-buyer.co.uk"
    )
    contact = own.contacts.get()
    known = {  # ids that exist, so that requests also get past the lookup
        "company_id": own.pk,
        "contact_id": contact.pk,
        "channel_id": contact.channels.first().pk,
    }
    _token, raw = api_token_create(actor=user, name="fuzz")
    headers = {"Authorization": f"Bearer {raw}", "Accept-Language": "en"}
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) > 40
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            _fuzz(operation, mode, headers)
        names = {p.name for p in operation.path_parameters}
        if names and names <= set(known):
            path_parameters = {name: known[name] for name in names}
            _fuzz(operation, GenerationMode.POSITIVE, headers, path_parameters)
