"""The workflow core's rules on their own: state checks, the four-eyes rule, run_step and
the time between steps. (advance and locked are exercised by every process's tests.)"""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
from django import forms
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.test import RequestFactory

from chengxin.accounts.models import Role
from chengxin.testing import make_user
from chengxin.workflow.four_eyes import ROLE, FourEyes, Refusal
from chengxin.workflow.selectors import Interval, median_duration
from chengxin.workflow.services import WRONG_STEP, require_state
from chengxin.workflow.views import run_step


def _item(state: str):
    return SimpleNamespace(
        state=state,
        get_state_display=lambda: state.title(),
        _meta=SimpleNamespace(verbose_name="plan"),
    )


def test_require_state_passes_the_named_states():
    require_state(_item("draft"), "draft", "launched")


def test_require_state_refuses_with_the_one_code_and_names_the_state(english):
    with pytest.raises(ValidationError) as caught:
        require_state(_item("closed"), "draft")
    assert caught.value.code == WRONG_STEP
    assert "“Closed”" in caught.value.messages[0]


PROPOSED = Refusal("proposed", "You proposed it.")
RULE_ROLES = frozenset({Role.FINANCE, Role.MANAGER})


@pytest.mark.django_db
def test_four_eyes_refuses_other_roles_then_the_proposer_then_without_second_factor():
    proposer = make_user(Role.FINANCE)
    other = make_user(Role.MANAGER)
    sales = make_user(Role.SALES)
    rule = FourEyes(RULE_ROLES, "Only finance or a manager.", not_by=((proposer.pk, PROPOSED),))

    assert rule.refusal(sales).code == ROLE
    assert rule.refusal(proposer) == PROPOSED
    assert rule.refusal(other) is None
    with pytest.raises(PermissionDenied, match="Only finance"):
        rule.enforce(sales, second_factor_passed=True)
    with pytest.raises(PermissionDenied, match="You proposed"):
        rule.enforce(proposer, second_factor_passed=True)
    with pytest.raises(PermissionDenied):
        rule.enforce(other, second_factor_passed=False)
    rule.enforce(other, second_factor_passed=True)
    FourEyes(RULE_ROLES, "x", second_factor=False).enforce(other)


@pytest.mark.django_db
def test_four_eyes_checks_the_role_before_the_state_and_the_state_before_the_person():
    proposer = make_user(Role.FINANCE)
    sales = make_user(Role.SALES)
    rule = FourEyes(RULE_ROLES, "Only finance.", not_by=((proposer.pk, PROPOSED),))

    def moved_on():
        require_state(_item("active"), "verified")

    with pytest.raises(PermissionDenied):
        rule.enforce(sales, state_check=moved_on, second_factor_passed=True)
    with pytest.raises(ValidationError):
        rule.enforce(proposer, state_check=moved_on, second_factor_passed=True)


@pytest.mark.django_db
def test_an_inactive_user_may_not_approve():
    gone = make_user(Role.MANAGER, is_active=False)
    assert FourEyes(RULE_ROLES, "No.").refusal(gone).code == ROLE


class NoteForm(forms.Form):
    note = forms.CharField(max_length=5)


def _request():
    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def _rerender(form):
    return HttpResponse(str(form.errors), status=422)


def test_run_step_calls_the_service_with_the_clean_data_and_goes_to_the_item():
    seen = []
    response = run_step(
        _request(), form=NoteForm({"note": "ok"}), call=seen.append, done="/item/1/",
        rerender=_rerender,
    )  # fmt: skip
    assert seen == [{"note": "ok"}]
    assert (response.status_code, response["Location"]) == (302, "/item/1/")


def test_run_step_shows_bad_input_on_the_form_without_calling():
    seen = []
    response = run_step(
        _request(), form=NoteForm({"note": "too long"}), call=seen.append, done="/i/",
        rerender=_rerender,
    )  # fmt: skip
    assert (seen, response.status_code) == ([], 422)


def test_run_step_puts_a_service_refusal_of_a_field_on_the_form():
    def call(data):
        raise ValidationError({"note": "Not this note."})

    response = run_step(
        _request(), form=NoteForm({"note": "ok"}), call=call, done="/i/", rerender=_rerender
    )
    assert response.status_code == 422
    assert "Not this note." in response.content.decode()


def test_run_step_tells_on_the_page_when_the_item_moved_on():
    request = _request()

    def call(data):
        raise ValidationError("It moved on.", code=WRONG_STEP)

    response = run_step(request, form=NoteForm({"note": "ok"}), call=call, done="/i/",
                        rerender=_rerender)  # fmt: skip
    assert response.status_code == 302
    assert [str(m) for m in request._messages] == ["It moved on."]


def test_run_step_hides_an_item_the_user_may_not_see():
    from chengxin.accounts.models import User

    def missing(data):
        raise User.DoesNotExist

    with pytest.raises(Http404):
        run_step(_request(), form=None, call=missing, done="/i/", rerender=_rerender)


def test_median_duration():
    start = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    hours = [1, 3, 8]
    intervals = [
        Interval(i, start, start + datetime.timedelta(hours=h)) for i, h in enumerate(hours)
    ]
    assert median_duration(intervals) == datetime.timedelta(hours=3)
    assert median_duration([]) is None
