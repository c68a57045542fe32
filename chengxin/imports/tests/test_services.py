"""The dry run and the confirmed import, through the services."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.test import override_settings

from chengxin.audit.models import AuditEntry
from chengxin.audit.selectors import audit_chain_first_break
from chengxin.imports import services
from chengxin.imports.models import ImportBatch, ImportStatus
from chengxin.parties import selectors as party_selectors
from chengxin.parties.models import Channel, Company, CompanyDomain, Contact
from chengxin.testing import make_company
from chengxin.testing.imports import GOOD_ROWS, HEADER, csv_bytes, problems, upload, xlsx_bytes


def written_counts():
    return (
        Company.objects.count(),
        Contact.objects.count(),
        Channel.objects.count(),
        CompanyDomain.objects.count(),
        AuditEntry.objects.count(),
    )


def test_dry_run_writes_nothing_but_the_batch(owner, good_csv):
    before = written_counts()
    batch = services.import_dry_run(actor=owner, uploaded_file=upload(good_csv))
    assert written_counts() == before
    assert batch.status == ImportStatus.DRY_RUN
    assert (batch.row_count, batch.company_count, batch.contact_count, batch.channel_count) == (
        3, 2, 3, 5,
    )  # fmt: skip
    assert batch.error_count == 0 and batch.can_confirm
    assert bytes(ImportBatch.objects.get(pk=batch.pk).content) == good_csv


def test_confirm_writes_everything_with_audit_and_search(owner, good_csv):
    batch = services.import_dry_run(actor=owner, uploaded_file=upload(good_csv))
    audit_before = AuditEntry.objects.count()
    batch = services.import_confirm(actor=owner, batch=batch)
    assert batch.status == ImportStatus.IMPORTED and batch.imported_at
    assert (batch.company_count, batch.contact_count, batch.channel_count) == (2, 3, 5)
    acme = Company.objects.get(legal_name="Acme Trading Ltd")
    assert acme.owner == owner and acme.country == "GB" and acme.owner_since
    assert sorted(acme.tags.values_list("name", flat=True)) == ["tools", "uk"]
    assert list(acme.domains.values_list("domain", flat=True)) == ["acme.co.uk"]
    john = acme.contacts.get(name="John Doe")
    assert john.title == "Buyer" and john.time_zone == "Europe/London"
    phone = john.channels.get(kind="phone")
    assert phone.value == "+442079460958" and phone.is_primary
    beta = Company.objects.get(legal_name="Beta Industrie SAS")
    assert beta.country == "FR"
    assert beta.contacts.get().channels.get(kind="phone").value == "+33142685300"
    # One audit entry per company holds everything created with it.
    assert AuditEntry.objects.count() - audit_before == 2
    entry = AuditEntry.objects.get(object_type="company", object_id=str(acme.pk))
    assert (entry.origin, entry.action, entry.actor_id) == ("import", "create", owner.pk)
    assert entry.company_id == acme.pk and entry.after["owner"] == owner.pk
    assert entry.after["tags"] == ["tools", "uk"] and entry.after["domains"] == ["acme.co.uk"]
    audited = {c["name"]: c for c in entry.after["contacts"]}
    assert audited["John Doe"]["id"] == john.pk
    assert {(ch["id"], ch["kind"], ch["value"]) for ch in audited["John Doe"]["channels"]} == {
        (ch.pk, ch.kind, ch.value) for ch in john.channels.all()
    }
    assert audit_chain_first_break() is None
    # Ids were taken from the tables' sequences: what is created next does not collide.
    later = make_company(actor=owner, name="Later GmbH", email="info@later.de")
    assert later.pk > max(acme.pk, beta.pk)
    assert later.contacts.get().pk > john.pk
    # Found by search like any customer.
    found = party_selectors.company_list(
        user=owner, filters=party_selectors.CompanyFilters(q="7946 0958")
    )
    assert list(found) == [acme]


def test_gbk_csv_with_chinese_columns_imports(manager):
    content = (
        "公司,国家,联系人,邮箱,电话,负责人\n"
        "上海明远贸易有限公司,中国,张伟,zhang.wei@mingyuan.cn,+86 21 6234 5678,\n"
        "Müller Technik GmbH,德国,Jürgen Weber,juergen@mueller-technik.de,+49 89 1234567,\n"
    ).encode("gbk")
    batch = services.import_dry_run(actor=manager, uploaded_file=upload(content, "客户.csv"))
    assert batch.report["encoding"] == "gbk"
    assert batch.error_count == 0, batch.report["rows"]
    services.import_confirm(actor=manager, batch=batch)
    company = Company.objects.get(legal_name="上海明远贸易有限公司")
    assert company.country == "CN" and company.owner is None  # a manager imports to the pool
    assert company.contacts.get().name == "张伟"
    assert Company.objects.get(country="DE").contacts.get().name == "Jürgen Weber"


def test_every_row_problem_is_listed(owner, company):
    rows = [
        ["Gamma Oy", "Finland", "Mika", "", "mika@@gamma", "+358 9 1234567", ""],
        ["Delta Ltd", "Atlantis", "Ann", "", "ann@delta.co.uk", "12", ""],
        ["Epsilon BV", "NL", "Piet", "", "piet@epsilon.nl", "", ""],
        ["Zeta BV", "NL", "Joost", "", "piet@epsilon.nl", "", ""],
        ["Eta GmbH", "DE", "Lena", "", "anna.schmidt@mueller-maschinen.de", "", ""],
        ["", "DE", "Nobody", "", "", "", ""],
        ['=HYPERLINK("http://x.example","Click")', "DE", "Max", "", "", "", ""],
        ["Theta AG", "CH", "", "", "info@theta.ch", "", ""],
    ]
    batch = services.import_dry_run(actor=owner, uploaded_file=upload(csv_bytes(rows)))
    assert problems(batch, 2) == [("error", "email", "“mika@@gamma” is not an email address.")]
    assert ("error", "country", "“Atlantis” is not a known country (use an ISO code such as "
            "DE or a name).") in problems(batch, 3)  # fmt: skip
    assert ("error", "phone", "“12” is not a valid phone number.") not in problems(batch, 3)
    assert any(p[1] == "phone" for p in problems(batch, 3))
    assert problems(batch, 4) == []
    assert problems(batch, 5) == [
        ("error", "email", "piet@epsilon.nl is also on row 4 (Epsilon BV)."),
        ("warning", "domains",
         "epsilon.nl is also the domain of Epsilon BV on row 4: are they one company?"),
    ]  # fmt: skip
    [(severity, column, message)] = problems(batch, 6)
    assert (severity, column) == ("duplicate", "company")
    assert f"“Müller Maschinenbau GmbH” (customer #{company.pk})" in message
    assert "shares anna.schmidt@mueller-maschinen.de" in message
    assert problems(batch, 7) == [("error", "company", "The company's legal name is missing.")]
    assert problems(batch, 8)[0][:2] == ("error", "company")
    assert "spreadsheet formula" in problems(batch, 8)[0][2]
    assert problems(batch, 9) == [
        ("error", "contact_name", "The contact's name is missing (this row has their details).")
    ]
    assert batch.error_count == 6 and batch.duplicate_count == 1
    assert not batch.can_confirm
    before = written_counts()
    with pytest.raises(ValidationError, match="6 rows have errors"):
        services.import_confirm(actor=owner, batch=batch)
    assert written_counts() == before


def test_duplicate_by_similar_name_is_skipped_and_the_rest_imported(owner, company):
    rows = [
        ["MÜLLER Maschinenbau G.m.b.H.", "DE", "Karl", "", "karl@example-mm.de", "", ""],
        *GOOD_ROWS,
    ]
    batch = services.import_dry_run(actor=owner, uploaded_file=upload(csv_bytes(rows)))
    [(severity, _column, message)] = problems(batch, 2)
    assert severity == "duplicate" and "similar name" in message
    assert batch.can_confirm and batch.company_count == 2
    services.import_confirm(actor=owner, batch=batch)
    assert Company.objects.filter(legal_name__icontains="Müller").count() == 1
    assert not Contact.objects.filter(name="Karl").exists()
    assert Company.objects.count() == 3


def test_duplicate_of_a_customer_the_rep_cannot_see_is_not_named(owner, colleague):
    make_company(actor=colleague, name="Secret Buyer Ltd", country="GB", email="x@secret.co.uk")
    rows = [["Other Name Ltd", "GB", "Sam", "", "x@secret.co.uk", "", ""]]
    batch = services.import_dry_run(actor=owner, uploaded_file=upload(csv_bytes(rows)))
    [(_s, _c, message)] = problems(batch, 2)
    assert "Secret Buyer" not in message and "cannot see" in message


def test_company_columns_must_agree_between_rows(owner):
    header = ["company", "country", "grade", "contact_name", "email"]
    rows = [
        ["Acme Ltd", "GB", "A", "John", "john@acme.co.uk"],
        ["ACME Ltd.", "GB", "", "Jane", "jane@acme.co.uk"],
        ["Acme Ltd", "GB", "C", "Joe", "joe@acme.co.uk"],
        ["Acme Ltd", "GB", "A", "John", "john2@acme.co.uk"],
    ]
    batch = services.import_dry_run(
        actor=owner, uploaded_file=upload(csv_bytes(rows, header=header))
    )
    assert batch.company_count == 1 and batch.contact_count == 4
    assert problems(batch, 3) == []
    assert problems(batch, 4)[0][:2] == ("error", "grade")
    assert "row 2" in problems(batch, 4)[0][2]
    assert problems(batch, 5)[0][:2] == ("error", "contact_name")


def test_problems_are_written_in_the_users_language(owner):
    owner.language = "zh-hans"
    owner.save(update_fields=["language"])
    rows = [["Acme", "GB", "John", "", "john@@acme", "", ""], ["", "GB", "Jo", "", "", "", ""]]
    batch = services.import_dry_run(actor=owner, uploaded_file=upload(csv_bytes(rows)))
    assert problems(batch, 2) == [("error", "email", "“john@@acme”不是邮箱地址。")]
    assert problems(batch, 3) == [("error", "company", "缺少公司法定名称。")]
    owner.language = "en"
    batch = services.import_dry_run(actor=owner, uploaded_file=upload(csv_bytes(rows)))
    assert problems(batch, 3) == [("error", "company", "The company's legal name is missing.")]


def test_failure_midway_writes_nothing(owner, good_csv, monkeypatch):
    batch = services.import_dry_run(actor=owner, uploaded_file=upload(good_csv))
    before = written_counts()
    monkeypatch.setattr(services, "WRITE_CHUNK", 1)  # write company by company
    real_insert = services._insert
    channel_inserts = []

    def failing_insert(model, rows):
        if model is Channel:
            channel_inserts.append(len(rows))
            if len(channel_inserts) == 2:
                raise IntegrityError("disk full")
        return real_insert(model, rows)

    monkeypatch.setattr(services, "_insert", failing_insert)
    with pytest.raises(ValidationError, match="nothing was written"):
        services.import_confirm(actor=owner, batch=batch)
    assert channel_inserts == [3, 2], "the first company was written before the failure"
    assert written_counts() == before
    batch.refresh_from_db()
    assert batch.status == ImportStatus.FAILED and "disk full" in batch.report["failure"]
    monkeypatch.undo()
    services.import_confirm(actor=owner, batch=batch)
    assert Company.objects.count() == before[0] + 2


def test_confirm_checks_again_and_only_once(owner, good_csv):
    batch = services.import_dry_run(actor=owner, uploaded_file=upload(good_csv))
    # Meanwhile a colleague entered Acme by hand: it is skipped, Beta imported.
    make_company(actor=owner, name="Acme Trading Limited", country="GB", email="sales@acme.co.uk")
    batch = services.import_confirm(actor=owner, batch=batch)
    assert batch.company_count == 1 and batch.duplicate_count == 2
    assert Company.objects.filter(legal_name="Beta Industrie SAS").exists()
    with pytest.raises(ValidationError, match="already imported"):
        services.import_confirm(actor=owner, batch=batch)
    assert Company.objects.count() == 2


def test_nothing_left_to_import(owner, company):
    rows = [["Müller Maschinenbau GmbH", "DE", "Anna Schmidt", "", "", "", ""]]
    batch = services.import_dry_run(actor=owner, uploaded_file=upload(csv_bytes(rows)))
    assert not batch.can_confirm
    with pytest.raises(ValidationError, match="already in Chengxin"):
        services.import_confirm(actor=owner, batch=batch)


def test_who_may_import_and_own(owner, colleague, manager, finance, admin_user, good_csv):
    with pytest.raises(PermissionDenied):
        services.import_dry_run(actor=finance, uploaded_file=upload(good_csv))
    header = [*HEADER, "owner"]
    rows = [
        [*GOOD_ROWS[0], "colleague"],
        [*GOOD_ROWS[2], ""],
        ["Iota SA", "ES", "", "", "", "", "", "nobody"],
    ]
    batch = services.import_dry_run(
        actor=owner, uploaded_file=upload(csv_bytes(rows, header=header))
    )
    assert problems(batch, 2)[0][:2] == ("error", "owner")
    assert "your own user name (owner)" in problems(batch, 2)[0][2]
    batch = services.import_dry_run(
        actor=manager, uploaded_file=upload(csv_bytes(rows, header=header))
    )
    assert problems(batch, 2) == [] and problems(batch, 3) == []
    assert problems(batch, 4) == [
        ("error", "owner", "“nobody” is not the user name of an active sales rep or manager.")
    ]
    rows.pop()
    batch = services.import_dry_run(
        actor=manager, uploaded_file=upload(csv_bytes(rows, header=header))
    )
    with pytest.raises(PermissionDenied):
        services.import_confirm(actor=colleague, batch=batch)
    services.import_confirm(actor=admin_user, batch=batch)  # an administrator may
    assert Company.objects.get(legal_name="Acme Trading Ltd").owner == colleague
    assert Company.objects.get(legal_name="Beta Industrie SAS").owner is None


@override_settings(CHENGXIN_IMPORT_MAX_MB=1)
def test_too_large_file_is_refused(owner):
    content = csv_bytes([GOOD_ROWS[0]] * 14_000)
    assert len(content) > 1024 * 1024
    with pytest.raises(ValidationError, match="up to 1 MB") as exc:
        services.import_dry_run(actor=owner, uploaded_file=upload(content))
    assert exc.value.code == "too_large"
    assert not ImportBatch.objects.exists()


def test_xlsx_import_with_formula_cell_flagged(owner):
    rows = [
        ["Acme Trading Ltd", "GB", "John", "", "john@acme.co.uk", 442079460958, ""],
        ["Kappa Ltd", "GB", "Kim", "", "=1+1", "", ""],
    ]
    batch = services.import_dry_run(
        actor=owner, uploaded_file=upload(xlsx_bytes(rows), "customers.xlsx")
    )
    assert batch.file_format == "xlsx"
    assert problems(batch, 2) == []
    assert problems(batch, 3)[0][:2] == ("error", "email")
    assert "spreadsheet formula" in problems(batch, 3)[0][2]
