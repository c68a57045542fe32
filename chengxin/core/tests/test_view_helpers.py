"""The views' shared helpers: the record or a 404, a form's POST, a button's POST."""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404
from django.test import RequestFactory

from chengxin.core.forms import run_form
from chengxin.core.http import or_404, run_action


def _request(method="get", data=None):
    request = getattr(RequestFactory(), method)("/somewhere/", data or {})
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def _said(request) -> list[tuple[str, str]]:
    return [(m.level_tag, str(m)) for m in get_messages(request)]


class Gone(ObjectDoesNotExist):
    pass


def _missing(*args, **kwargs):
    raise Gone


def test_or_404_passes_the_arguments_and_turns_a_missing_record_into_a_404():
    assert or_404(lambda a, *, b: (a, b), 1, b=2) == (1, 2)
    with pytest.raises(Http404):
        or_404(_missing, pk=1)


def test_or_404_lets_other_errors_through():
    def refuse():
        raise ValidationError("no")

    with pytest.raises(ValidationError):
        or_404(refuse)


class NameForm(forms.Form):
    name = forms.CharField()


def _refuse(data):
    raise ValidationError({"name": ["Taken."], "other": ["Not now."]})


def test_run_form_does_nothing_on_a_get_or_an_invalid_form():
    calls = []
    assert run_form(_request(), NameForm(), calls.append, success="ok", then="/x/") is None
    request = _request("post", {"name": ""})
    assert run_form(request, NameForm(request.POST), calls.append, success="ok", then="/x/") is None
    assert calls == [] and _said(request) == []


def test_run_form_calls_with_the_cleaned_data_and_redirects_with_the_message():
    request = _request("post", {"name": "li"})
    form = NameForm(request.POST)
    answer = run_form(
        request,
        form,
        lambda data: data["name"].upper(),
        success=lambda result: f"Saved {result}.",
        then=lambda result: f"/people/{result}/",
    )
    assert answer.status_code == 302 and answer.url == "/people/LI/"
    assert _said(request) == [("success", "Saved LI.")]

    request = _request("post", {"name": "Li Na"})
    answer = run_form(request, NameForm(request.POST), bool, success="Saved.", then="/people/")
    assert answer.url == "/people/" and _said(request) == [("success", "Saved.")]


def test_run_form_puts_a_refusal_on_the_form():
    request = _request("post", {"name": "Li Na"})
    form = NameForm(request.POST)
    assert run_form(request, form, _refuse, success="ok", then="/x/") is None
    assert form.errors == {"name": ["Taken."], "__all__": ["Not now."]}
    assert _said(request) == []


def test_run_form_answers_404_for_a_record_gone_meanwhile():
    request = _request("post", {"name": "Li Na"})
    with pytest.raises(Http404):
        run_form(request, NameForm(request.POST), _missing, success="ok", then="/x/")


def test_run_action_says_success_or_the_refusal_and_redirects():
    request = _request("post")
    answer = run_action(request, lambda: None, success="Done.", then="/back/")
    assert answer.status_code == 302 and answer.url == "/back/"
    assert _said(request) == [("success", "Done.")]

    def refuse():
        raise ValidationError("Too late.")

    request = _request("post")
    answer = run_action(request, refuse, success="Done.", then="/back/")
    assert answer.url == "/back/" and _said(request) == [("error", "Too late.")]

    request = _request("post")
    run_action(request, lambda: None, success="", then="/back/")
    assert _said(request) == []

    with pytest.raises(Http404):
        run_action(_request("post"), _missing, success="Done.", then="/back/")
