"""Linking messages to customers: by contact, domain, conversation, or imitation."""

from __future__ import annotations

from chengxin.mail.models import LinkReason, Message, Thread
from chengxin.parties.models import Channel, ChannelKind, Company, CompanyDomain, Contact


def surviving(company: Company | None) -> Company | None:
    """The customer ``company`` was merged into (after every merge), or itself."""
    seen = set()
    while company is not None and company.merged_into_id and company.pk not in seen:
        seen.add(company.pk)
        company = company.merged_into
    return company


def link_for(from_key: str, thread: Thread | None) -> tuple[Contact | None, Company | None, str]:
    """(contact, customer, reason) for a message from ``from_key`` in ``thread``: the
    contact whose address it is, else the customer owning its domain, else the customer
    the conversation is about (never one only a lookalike was shown with)."""
    if from_key and "@" in from_key:
        channel = (
            Channel.objects.filter(kind=ChannelKind.EMAIL, value=from_key)
            .select_related("contact__company")
            .order_by("-is_active", "-is_primary", "-id")
            .first()
        )
        if channel is not None:
            contact = channel.contact
            return contact, surviving(contact.company), LinkReason.CONTACT
        company = company_for_domain(from_key.rpartition("@")[2])
        if company is not None:
            return None, company, LinkReason.DOMAIN
    if thread is not None and thread.pk:
        linked = (
            Message.objects.filter(thread=thread, company__isnull=False)
            .exclude(link_reason=LinkReason.LOOKALIKE)
            .select_related("company")
            .order_by("-dated_at")
            .first()
        )
        if linked is not None:
            return None, surviving(linked.company), LinkReason.THREAD
    return None, None, LinkReason.NONE


def company_for_domain(domain: str) -> Company | None:
    """The one customer that owns ``domain`` (or a parent of it); None if none or several."""
    labels = domain.lower().strip(".").split(".")
    candidates = [".".join(labels[i:]) for i in range(len(labels) - 1)]
    if not candidates:
        return None
    rows = list(
        CompanyDomain.objects.filter(domain__in=candidates).select_related("company__merged_into")
    )
    if not rows:
        return None
    longest = max(len(row.domain) for row in rows)
    companies = {surviving(row.company) for row in rows if len(row.domain) == longest}
    return companies.pop() if len(companies) == 1 else None


def message_link_to_imitated(*, message: Message, company: Company) -> Message:
    """The guard found the sender imitating ``company`` (the inbound pipeline calls this
    after the assessment): show a message about no customer on that customer's page."""
    if message.company_id is None:
        message.company = company
        message.link_reason = LinkReason.LOOKALIKE
        message.save(update_fields=["company", "link_reason"])
    return message
