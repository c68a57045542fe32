"""Refusing input no column can hold, before any page sees it."""

from __future__ import annotations

from django.shortcuts import render

from chengxin.core.text_input import text_problem, unsafe_text_message

_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class UnsafeTextMiddleware:
    """A page request whose query string or form holds a NUL character or a lone surrogate
    gets a 400 page saying so, instead of a server error (PostgreSQL refuses NUL) or text
    stored cut short (SQLite). The API refuses the same input itself, as a 422 in JSON
    (chengxin.core.api_types.SafeTextParser)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/api/"):
            problem = self._problem(request)
            if problem:
                return render(
                    request,
                    "core/bad_input.html",
                    {"message": unsafe_text_message(problem)},
                    status=400,
                )
        return self.get_response(request)

    @staticmethod
    def _problem(request) -> str | None:
        sources = [request.GET]
        if request.method == "POST" and request.content_type in _FORM_TYPES:
            sources.append(request.POST)
        for data in sources:
            for key, values in data.lists():
                for text in (key, *values):
                    problem = text_problem(text)
                    if problem:
                        return problem
        return None
