"""The shared previous / next links of a list page keep the list's other parameters."""

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils import translation


def _links(number: int, **context) -> str:
    page = Paginator(range(30), 10).get_page(number)
    with translation.override("en"):
        return render_to_string("core/pagination.html", {"page": page, **context})


def test_the_links_go_to_the_pages_around_and_keep_the_query():
    html = _links(2)
    assert 'href="?page=1"' in html and 'href="?page=3"' in html and "Page 2 of 3" in html
    html = _links(1, query="show=done&kind=call")
    assert 'href="?show=done&amp;kind=call&amp;page=2"' in html and "Previous" not in html


def test_a_single_page_has_no_links():
    page = Paginator(range(5), 10).get_page(1)
    assert render_to_string("core/pagination.html", {"page": page}).strip() == ""
