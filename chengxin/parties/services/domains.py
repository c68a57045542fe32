"""A customer's email domains: added by hand, with its first people's addresses or by a
change request, and removed. A public mail provider is never a company's domain."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from chengxin.accounts.models import User
from chengxin.audit.models import Action
from chengxin.audit.services import Change, audit_record, audit_record_many, snapshot
from chengxin.parties import normalize
from chengxin.parties.models import Company, CompanyDomain
from chengxin.parties.permissions import require_edit
from chengxin.parties.services.search_text import company_search_text_refresh


def _add_domains(*, actor, company: Company, domains: Iterable[str]) -> list[CompanyDomain]:
    have = set(company.domains.values_list("domain", flat=True))
    created = []
    for domain in domains:
        if domain in have or domain in normalize.FREE_MAIL_DOMAINS:
            continue
        created.append(CompanyDomain.objects.create(company=company, domain=domain))
        have.add(domain)
    audit_record_many(
        actor=actor,
        changes=[
            Change(Action.CREATE, d, None, snapshot(d), company.pk, d.display) for d in created
        ],
    )
    return created


@transaction.atomic
def company_domain_add(*, actor: User, company: Company, domain: str) -> CompanyDomain | None:
    require_edit(actor, company)
    try:
        clean = normalize.normalize_domain(domain)
    except ValidationError as exc:
        raise ValidationError({"domain": exc.error_list}) from exc
    if clean in normalize.FREE_MAIL_DOMAINS:
        raise ValidationError(
            {
                "domain": [
                    _("%(domain)s is a public mail provider, not a company's domain.")
                    % {"domain": clean}
                ]
            }
        )
    created = _add_domains(actor=actor, company=company, domains=[clean])
    company_search_text_refresh(company)
    return created[0] if created else None


@transaction.atomic
def company_domain_remove(*, actor: User, domain: CompanyDomain) -> None:
    require_edit(actor, domain.company)
    audit_record(
        actor=actor,
        action=Action.DELETE,
        instance=domain,
        before=snapshot(domain),
        company_id=domain.company_id,
    )
    company = domain.company
    domain.delete()
    company_search_text_refresh(company)
