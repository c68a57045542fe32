"""Domain names: IDNA forms, labels and the public-suffix split, fully offline.

The public suffix (".com", ".co.uk", ".com.cn", "blogspot.com" ...) comes from the
Public Suffix List snapshot that *tldextract* ships inside its wheel. The extractor is
built with ``suffix_list_urls=()`` and ``cache_dir=None``, so it never fetches a newer
list over the network and never writes a cache file.

Two views of the list are used:

* with the private section (``blogspot.com``, ``wixsite.com`` ...) to decide who
  *owns* a name: ``acme.blogspot.com`` and ``evil.blogspot.com`` belong to different
  people, so lookalike detection uses this view;
* without it (ICANN section only) for the DMARC organisational domain, as DMARC
  implementations conventionally do.
"""

from __future__ import annotations

import encodings.idna
import re
from dataclasses import dataclass
from functools import lru_cache

import tldextract

__all__ = [
    "DomainName",
    "domain_of_address",
    "organizational_domain",
    "parse_domain",
    "public_suffix_label_count",
    "suffix_extractor",
]

_WHITESPACE = re.compile(r"\s")
_DOT_LIKE = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})


@lru_cache(maxsize=1)
def suffix_extractor() -> tldextract.TLDExtract:
    """The shared offline extractor (bundled Public Suffix List snapshot, no network)."""
    return tldextract.TLDExtract(
        suffix_list_urls=(),
        cache_dir=None,
        fallback_to_snapshot=True,
        include_psl_private_domains=True,
    )


@lru_cache(maxsize=65536)
def public_suffix_label_count(host: str, *, private: bool = True) -> int:
    """How many trailing labels of ``host`` (lower case, dotted) form its public suffix."""
    result = suffix_extractor()(host, include_psl_private_domains=private)
    return len(result.suffix.split(".")) if result.suffix else 0


@dataclass(frozen=True, slots=True)
class DomainName:
    """A parsed domain name.

    ``labels`` keep the original letter case (a capital I matters when it imitates an
    l) with punycode labels decoded; ``ascii_labels`` are the lower-case A-labels that
    identify the domain in DNS.
    """

    text: str
    labels: tuple[str, ...]
    ascii_labels: tuple[str, ...]
    suffix_labels: int
    is_idn: bool
    icann_suffix_labels: int = 0

    @property
    def ascii(self) -> str:
        return ".".join(self.ascii_labels)

    @property
    def unicode(self) -> str:
        return ".".join(self.labels).lower()

    @property
    def registrable_index(self) -> int | None:
        index = len(self.labels) - self.suffix_labels - 1
        return index if index >= 0 else None

    @property
    def registrable_label(self) -> str:
        """The label just left of the public suffix, original case ("Acme" in a.Acme.co.uk)."""
        index = self.registrable_index
        return self.labels[index] if index is not None else ""

    @property
    def registrable(self) -> str:
        """The registrable domain in A-label form ("acme.co.uk"), or "" for a bare suffix."""
        index = self.registrable_index
        return ".".join(self.ascii_labels[index:]) if index is not None else ""

    @property
    def registrable_unicode(self) -> str:
        index = self.registrable_index
        return ".".join(self.labels[index:]).lower() if index is not None else ""

    @property
    def suffix(self) -> str:
        """The public suffix in U-label form ("co.uk")."""
        if not self.suffix_labels:
            return ""
        return ".".join(self.labels[-self.suffix_labels :]).lower()

    @property
    def private_suffix_labels(self) -> tuple[str, ...]:
        """Labels of a private suffix left of the ICANN one ("googleapis" in x.googleapis.com)."""
        start = len(self.labels) - self.suffix_labels
        end = len(self.labels) - self.icann_suffix_labels
        return self.labels[start:end] if end > start else ()

    @property
    def subdomain_labels(self) -> tuple[str, ...]:
        index = self.registrable_index
        return self.labels[:index] if index is not None else ()

    def display(self) -> str:
        """How to show the domain to a person: as written (a capital I stays visible),
        punycode decoded, followed by the A-label form for an IDN."""
        written = ".".join(self.labels)
        if self.is_idn:
            return f"{written} ({self.ascii})"
        return written


def parse_domain(text: str) -> DomainName | None:
    """Parse a domain name; ``None`` when there is nothing that could be one."""
    cleaned = text.strip().translate(_DOT_LIKE).strip(".")
    if not cleaned or "@" in cleaned or _WHITESPACE.search(cleaned):
        return None
    return _parse_cached(cleaned)


@lru_cache(maxsize=65536)
def _parse_cached(cleaned: str) -> DomainName | None:
    raw_labels = tuple(label for label in cleaned.split("."))
    if any(not label for label in raw_labels):
        return None
    labels: list[str] = []
    ascii_labels: list[str] = []
    is_idn = False
    for label in raw_labels:
        display, ascii_label, idn = _label_forms(label)
        labels.append(display)
        ascii_labels.append(ascii_label)
        is_idn = is_idn or idn
    host = ".".join(label.lower() for label in labels)
    return DomainName(
        text=cleaned,
        labels=tuple(labels),
        ascii_labels=tuple(ascii_labels),
        suffix_labels=public_suffix_label_count(host),
        is_idn=is_idn,
        icann_suffix_labels=public_suffix_label_count(host, private=False),
    )


def _label_forms(label: str) -> tuple[str, str, bool]:
    """(display label in original case, lower-case A-label, is it internationalised)."""
    if label.isascii():
        lower = label.lower()
        if lower.startswith("xn--"):
            try:
                decoded = lower[4:].encode("ascii").decode("punycode")
            except UnicodeError:
                return label, lower, True
            return decoded, lower, True
        return label, lower, False
    try:
        ascii_label = encodings.idna.ToASCII(label).decode("ascii").lower()
    except UnicodeError:
        ascii_label = "xn--" + label.lower().encode("punycode").decode("ascii")
    return label, ascii_label, True


def domain_of_address(address: str) -> str:
    """The part after the last "@", lower case, without a trailing dot."""
    _, at, domain = address.rpartition("@")
    return domain.strip().strip(".").lower() if at else ""


@lru_cache(maxsize=65536)
def organizational_domain(domain: str) -> str:
    """The DMARC organisational domain (RFC 7489 3.2, ICANN section of the PSL)."""
    parsed = parse_domain(domain)
    if parsed is None:
        return domain.lower()
    host = ".".join(parsed.ascii_labels)
    suffix_count = public_suffix_label_count(".".join(parsed.labels).lower(), private=False)
    if suffix_count >= len(parsed.ascii_labels):
        return host
    return ".".join(parsed.ascii_labels[-(suffix_count + 1) :])
