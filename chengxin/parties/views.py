"""Customer pages. Each view parses input, calls one service or selector and
renders; the rules live in services and permissions."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from chengxin.accounts.models import Role, User
from chengxin.audit.selectors import audit_timeline_for_companies
from chengxin.core.errors import Conflict
from chengxin.core.forms import apply_errors, run_form
from chengxin.core.http import or_404, run_action
from chengxin.core.pagination import CappedPaginator
from chengxin.parties import selectors
from chengxin.parties.countries import country_choices
from chengxin.parties.forms import (
    ChannelVerifyForm,
    CompanyForm,
    ContactForm,
    DomainForm,
    FirstContactForm,
    FollowUpForm,
    NewContactChannelsForm,
)
from chengxin.parties.models import Channel, Company, CompanyDomain, Contact, Grade, Tag
from chengxin.parties.normalize import normalize_domain, normalize_email, normalize_phone
from chengxin.parties.permissions import can_edit_company
from chengxin.parties.services import (
    channels,
    companies,
    contacts,
    domains,
    follow_ups,
    merge,
    pool,
)

PAGE_SIZE = 50
SEARCH_COUNT_LIMIT = 500

_ID = re.compile(r"[0-9]{1,18}")


def _posted_id(request, name: str) -> int:
    """An id from the form, 0 (no such record: 404) for anything else ("abc", "²")."""
    value = request.POST.get(name, "")
    return int(value) if _ID.fullmatch(value) else 0


def _company_or_404(request, pk) -> Company:
    return or_404(selectors.company_get, user=request.user, pk=pk)


def _contact_or_404(request, pk) -> Contact:
    return or_404(selectors.contact_get, user=request.user, pk=pk)


def _channel_or_404(request, pk) -> Channel:
    return or_404(selectors.channel_get, user=request.user, pk=pk)


def _editable(request, company: Company) -> Company:
    """``company`` when the user may change it; else a 404, as for one they may not see."""
    if not can_edit_company(request.user, company):
        raise Http404
    return company


def _company_page(pk) -> str:
    return reverse("parties:company_detail", args=[pk])


def _filters_from(request) -> selectors.CompanyFilters:
    get = request.GET
    return selectors.CompanyFilters(
        q=get.get("q", "")[:200],
        country=get.get("country", ""),
        grade=get.get("grade", ""),
        owner=get.get("owner", ""),
        tag=get.get("tag", ""),
        status=get.get("status", ""),
        sort=get.get("sort", "name"),
    )


@require_GET
@login_required
def company_list(request):
    filters = _filters_from(request)
    companies = selectors.company_list(user=request.user, filters=filters)
    companies = companies.prefetch_related("tags")
    number = request.GET.get("page")
    if filters.q:
        # A search counts its matches only up to a limit; see CappedPaginator.
        paginator = CappedPaginator(
            companies, PAGE_SIZE, at_most=SEARCH_COUNT_LIMIT, requested_page=number
        )
    else:
        paginator = Paginator(companies, PAGE_SIZE)
    page = paginator.get_page(number)
    context = {
        "page": page,
        "filters": filters,
        "countries": country_choices(),
        "grades": Grade.choices,
        "owners": User.objects.filter(role__in=[Role.SALES, Role.MANAGER], is_active=True),
        "tags": Tag.objects.all(),
        "query_without_page": _query_without(request, "page"),
        "query_without_sort": _query_without(request, "sort", "page"),
    }
    template = "parties/company_list.html"
    if request.htmx and request.htmx.target == "results":
        template += "#results"
    return render(request, template, context)


def _query_without(request, *names) -> str:
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def _duplicates_for(company_form, contact_form):
    data = company_form.cleaned_data
    emails, phones, domains = [], [], []
    for raw in (contact_form.cleaned_data.get("email", ""),):
        try:
            email = normalize_email(raw)
            emails.append(email.canonical)
            domains.append(email.domain)
        except ValidationError:
            pass
    for raw in (
        contact_form.cleaned_data.get("phone", ""),
        contact_form.cleaned_data.get("whatsapp", ""),
    ):
        try:
            phones.append(normalize_phone(raw, data.get("country")))
        except ValidationError:
            pass
    for raw in [data.get("website", ""), *data.get("domains", "").split(",")]:
        try:
            domains.append(normalize_domain(raw))
        except ValidationError:
            pass
    return selectors.company_duplicates(
        legal_name=data["legal_name"], emails=emails, phones=phones, domains=domains
    )


@require_http_methods(["GET", "POST"])
@login_required
def company_create(request):
    if request.user.role == Role.FINANCE:
        messages.error(request, _("Finance may not create customers."))
        return redirect("parties:company_list")
    form = CompanyForm(request.POST or None)
    contact_form = FirstContactForm(request.POST or None)
    duplicates = []
    if request.method == "POST" and form.is_valid() and contact_form.is_valid():
        duplicates = _duplicates_for(form, contact_form)
        if duplicates and not request.POST.get("create_anyway"):
            messages.warning(request, _("This may be a customer you already have. Check below."))
        else:
            contact_data = contact_form.cleaned_data
            contacts = []
            if contact_data["name"].strip():
                contacts.append(
                    (
                        {
                            "name": contact_data["name"],
                            "title": contact_data["title"],
                            "language": contact_data["language"],
                        },
                        contact_form.channels(),
                    )
                )
            try:
                company = companies.company_create(
                    actor=request.user, data=form.to_input(), contacts=contacts
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("Customer %(name)s created.") % {"name": company})
                return redirect("parties:company_detail", pk=company.pk)
    return render(
        request,
        "parties/company_form.html",
        {
            "form": form,
            "contact_form": contact_form,
            "duplicates": duplicates,
            "title": _("New customer"),
        },
    )


@require_GET
@login_required
def company_detail(request, pk):
    company = _company_or_404(request, pk)
    if company.merged_into_id:
        messages.info(request, _("%(name)s was merged into this customer.") % {"name": company})
        return redirect("parties:company_detail", pk=company.merged_into_id)
    return render(
        request,
        "parties/company_detail.html",
        {
            "company": company,
            "contacts": selectors.company_contacts(company=company),
            "domains": company.domains.all(),
            "follow_ups": company.follow_ups.select_related("author", "contact")[:20],
            "timeline": audit_timeline_for_companies(
                company_ids=selectors.company_history_ids(company)
            ),
            "can_edit": can_edit_company(request.user, company),
            "shared_with": company.shared_with.all(),
            "colleagues": User.objects.filter(role__in=[Role.SALES, Role.MANAGER], is_active=True),
            "follow_up_form": FollowUpForm(),
            "domain_form": DomainForm(),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def company_edit(request, pk):
    company = _editable(request, _company_or_404(request, pk))
    form = CompanyForm(request.POST or None, initial=CompanyForm.initial_for(company))
    saved = run_form(
        request,
        form,
        lambda data: companies.company_update(
            actor=request.user, company=company, data=form.to_input()
        ),
        success=_("Saved."),
        then=_company_page(company.pk),
    )
    return saved or render(
        request,
        "parties/company_form.html",
        {"form": form, "company": company, "title": company.legal_name},
    )


def _service_post(request, company_pk, fn, success, **kwargs):
    """Run a service for a POST button on the company page and go back to it."""
    return run_action(
        request,
        lambda: fn(actor=request.user, **kwargs),
        success=success,
        then=_company_page(company_pk),
    )


@require_POST
@login_required
def company_claim(request, pk):
    company = _company_or_404(request, pk)
    return _service_post(
        request, pk, pool.company_claim, _("The customer is yours now."), company=company
    )


@require_POST
@login_required
def company_release(request, pk):
    company = _company_or_404(request, pk)
    return _service_post(
        request,
        pk,
        pool.company_release,
        _("The customer went back to the pool."),
        company=company,
    )


@require_POST
@login_required
def company_assign(request, pk):
    company = _company_or_404(request, pk)
    owner = get_object_or_404(User, pk=_posted_id(request, "owner"))
    return _service_post(
        request, pk, pool.company_assign, _("Owner changed."), company=company, owner=owner
    )


@require_POST
@login_required
def company_share(request, pk):
    company = _company_or_404(request, pk)
    users = list(User.objects.filter(pk__in=request.POST.getlist("users"), is_active=True))
    return _service_post(
        request, pk, companies.company_share, _("Sharing saved."), company=company, users=users
    )


@require_POST
@login_required
def company_delete(request, pk):
    company = _company_or_404(request, pk)
    try:
        companies.company_delete(actor=request.user, company=company)
    except Conflict as refused:
        messages.error(request, refused.message)
        return redirect("parties:company_detail", pk=company.pk)
    messages.success(request, _("Customer %(name)s deleted.") % {"name": company})
    return redirect("parties:company_list")


@require_http_methods(["GET", "POST"])
@login_required
def company_merge(request, pk):
    keep = _company_or_404(request, pk)
    if not request.user.edits_all_customers:
        raise Http404
    candidates = selectors.company_duplicates(
        legal_name=keep.legal_name,
        domains=list(keep.domains.values_list("domain", flat=True)),
        emails=list(
            Channel.objects.filter(contact__company=keep, kind="email").values_list(
                "value", flat=True
            )
        ),
        exclude_id=keep.pk,
    )
    if request.method == "POST":
        other = _company_or_404(request, _posted_id(request, "other"))
        try:
            merge.company_merge(actor=request.user, keep=keep, other=other)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(
                request, _("%(other)s was merged into %(keep)s.") % {"other": other, "keep": keep}
            )
            return redirect("parties:company_detail", pk=keep.pk)
    return render(
        request, "parties/company_merge.html", {"company": keep, "candidates": candidates}
    )


@require_POST
@login_required
def domain_add(request, pk):
    company = _company_or_404(request, pk)
    return _service_post(
        request,
        pk,
        domains.company_domain_add,
        _("Domain added."),
        company=company,
        domain=request.POST.get("domain", ""),
    )


@require_POST
@login_required
def domain_remove(request, pk, domain_pk):
    company = _company_or_404(request, pk)
    domain = get_object_or_404(CompanyDomain, pk=domain_pk, company=company)
    return _service_post(
        request, pk, domains.company_domain_remove, _("Domain removed."), domain=domain
    )


@require_POST
@login_required
def follow_up_add(request, pk):
    company = _company_or_404(request, pk)
    form = FollowUpForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write what was said or done."))
        return redirect("parties:company_detail", pk=pk)
    return _service_post(
        request,
        pk,
        follow_ups.follow_up_log,
        _("Follow-up recorded."),
        company=company,
        **form.cleaned_data,
    )


@require_http_methods(["GET", "POST"])
@login_required
def contact_create(request, pk):
    company = _editable(request, _company_or_404(request, pk))
    form = ContactForm(request.POST or None, initial={"language": company.document_language})
    channel_form = NewContactChannelsForm(request.POST or None)
    created = channel_form.is_valid() and run_form(
        request,
        form,
        lambda data: contacts.contact_create(
            actor=request.user,
            company=company,
            name=data["name"],
            title=data["title"],
            language=data["language"],
            time_zone=data["time_zone"] or None,
            notes=data["notes"],
            channels=channel_form.channels(),
        ),
        success=lambda contact: _("Contact %(name)s added.") % {"name": contact},
        then=_company_page(company.pk),
    )
    return created or render(
        request,
        "parties/contact_form.html",
        {"form": form, "channel_form": channel_form, "company": company, "title": _("New contact")},
    )


@require_http_methods(["GET", "POST"])
@login_required
def contact_edit(request, pk):
    contact = _contact_or_404(request, pk)
    company = _editable(request, contact.company)
    initial = {f: getattr(contact, f) for f in ContactForm.base_fields}
    form = ContactForm(request.POST or None, initial=initial)
    saved = run_form(
        request,
        form,
        lambda data: contacts.contact_update(actor=request.user, contact=contact, **data),
        success=_("Saved."),
        then=_company_page(company.pk),
    )
    return saved or render(
        request,
        "parties/contact_form.html",
        {"form": form, "company": company, "contact": contact, "title": contact.name},
    )


@require_POST
@login_required
def channel_retire(request, pk):
    channel = _channel_or_404(request, pk)
    return _service_post(
        request,
        channel.contact.company_id,
        channels.channel_retire,
        _("Channel retired; it stays in the history."),
        channel=channel,
    )


@require_http_methods(["GET", "POST"])
@login_required
def channel_verify(request, pk):
    """Record how an unverified channel was checked out of band (the owner or a manager)."""
    channel = _channel_or_404(request, pk)
    company = _editable(request, channel.contact.company)
    on_file = list(selectors.channels_on_file(company=company, before=timezone.now()))
    form = ChannelVerifyForm(request.POST or None, on_file=on_file)
    verified = run_form(
        request,
        form,
        lambda data: channels.channel_verify(
            actor=request.user,
            channel=channel,
            method=data["method"],
            note=data["note"],
            via=data["via"],
        ),
        success=_("Marked as verified."),
        then=_company_page(company.pk),
    )
    status = 422 if request.method == "POST" else 200
    return verified or render(
        request,
        "parties/channel_verify.html",
        {"form": form, "channel": channel, "contact": channel.contact, "company": company},
        status=status,
    )
