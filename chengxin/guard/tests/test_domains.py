"""Domain parsing and the offline Public Suffix List."""

from __future__ import annotations

import socket

import pytest

from chengxin.guard import domains
from chengxin.guard.domains import organizational_domain, parse_domain


def test_suffix_split_uses_multi_label_suffixes() -> None:
    parsed = parse_domain("sales.Acme.co.uk")
    assert parsed is not None
    assert parsed.registrable == "acme.co.uk"
    assert parsed.registrable_label == "Acme"
    assert parsed.suffix == "co.uk"
    assert parsed.subdomain_labels == ("sales",)


def test_private_suffixes_separate_owners() -> None:
    first = parse_domain("acme.blogspot.com")
    assert first is not None
    assert first.registrable == "acme.blogspot.com"


def test_punycode_is_decoded_and_case_kept() -> None:
    parsed = parse_domain("www.xn--gmal-sya.com")
    assert parsed is not None
    assert parsed.is_idn
    assert parsed.registrable_label == "gmaīl"
    assert parsed.ascii == "www.xn--gmal-sya.com"
    assert parsed.display() == "www.gmaīl.com (www.xn--gmal-sya.com)"
    upper = parse_domain("aquiIlaindustries.com")
    assert upper is not None
    assert upper.registrable_label == "aquiIlaindustries"
    assert upper.ascii == "aquiilaindustries.com"


def test_unicode_domain_gets_its_a_label() -> None:
    parsed = parse_domain("bücher.de")
    assert parsed is not None
    assert parsed.ascii == "xn--bcher-kva.de"


@pytest.mark.parametrize("text", ["", "  ", "a..b", "user@example.com", "has space.com"])
def test_non_domains_are_rejected(text: str) -> None:
    assert parse_domain(text) is None


def test_organizational_domain_follows_the_icann_list() -> None:
    assert organizational_domain("mail.sub.example.co.uk") == "example.co.uk"
    assert organizational_domain("out.srv.dev") == "srv.dev"
    assert organizational_domain("example.gov") == "example.gov"


def test_extractor_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    domains.suffix_extractor.cache_clear()
    domains.public_suffix_label_count.cache_clear()
    extractor = domains.suffix_extractor()
    assert extractor("shop.example.com.cn").suffix == "com.cn"
    assert domains.public_suffix_label_count("a.b.example.com.br") == 2
