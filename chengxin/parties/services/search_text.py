"""A customer's search text: its names, domains (also in Unicode), its people's names
and the search terms of their channels, in one column the list search reads."""

from __future__ import annotations

from collections.abc import Iterable

from chengxin.parties import normalize
from chengxin.parties.models import Channel, Company


def search_text_for(
    *,
    names: Iterable[str],
    domains: Iterable[str],
    contact_names: Iterable[str],
    channels: Iterable[tuple[str, str]],
) -> str:
    parts: list[str] = [n.lower() for n in names if n]
    for domain in domains:
        parts.append(domain)
        unicode_domain = normalize.domain_to_unicode(domain)
        if unicode_domain != domain:
            parts.append(unicode_domain)
    parts.extend(n.lower() for n in contact_names if n)
    for kind, value in channels:
        parts.extend(normalize.search_terms_for_channel(kind, value))
    return " | ".join(parts)


def company_search_text_refresh(company: Company) -> None:
    contacts = list(company.contacts.values_list("name", flat=True))
    channels = Channel.objects.filter(contact__company=company).values_list("kind", "value")
    company.search_text = search_text_for(
        names=[company.legal_name, *company.other_names],
        domains=company.domains.values_list("domain", flat=True),
        contact_names=contacts,
        channels=channels,
    )
    company.name_key = normalize.company_name_key(company.legal_name)
    Company.objects.filter(pk=company.pk).update(
        search_text=company.search_text, name_key=company.name_key
    )
