"""Mail pages: who sees which message, what a message page shows, downloads, uploads and
mailbox settings. Every page: the owner succeeds, a colleague without rights gets 404,
an outsider (deactivated) and an anonymous visitor are sent to login, a wrong method
gets 405."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from chengxin.accounts.models import Role
from chengxin.core import crypto
from chengxin.mail.models import Mailbox, Message, MessageLocation, Security, Source
from chengxin.mail.services.ingest import Location
from chengxin.mail.services.mailboxes import MailboxInput, mailbox_create
from chengxin.testing import make_company, make_user
from chengxin.testing.mail import make_raw

PNG = b"\x89PNG\r\n\x1a\n fake image bytes"


@pytest.fixture
def message(ingest, company):
    return ingest(
        make_raw(
            html='<p>Dear Li Na,</p><script>document.title="owned"</script>'
            '<img src="https://tracker.example/open.gif?u=li" alt="Müller logo">'
            '<a href="https://mueller-maschinen.de/orders/4711">Order 4711</a>',
            attachments=[
                ("schedule.html", "text/html", b"<script>alert(1)</script>"),
                ("photo.png", "image/png", PNG),
            ],
        )
    ).message


@pytest.fixture
def mailbox(owner):
    return mailbox_create(
        actor=owner,
        data=MailboxInput(
            name="Li Na",
            host="127.0.0.1",
            port=1,
            security=Security.NONE,
            username="li.na",
            password="Imap-Secret-9",
        ),
    )


def _pages(message, mailbox):
    attachment = message.attachments.get(filename="photo.png")
    get_pages = [
        reverse("mail:message_detail", args=[message.pk]),
        reverse("mail:message_original", args=[message.pk]),
        reverse("mail:attachment_download", args=[attachment.pk]),
        reverse("mail:company_messages", args=[message.company_id]),
        reverse("mail:contact_messages", args=[message.contact_id]),
        reverse("mail:mailbox_edit", args=[mailbox.pk]),
    ]
    post_only = [
        reverse("mail:mailbox_test", args=[mailbox.pk]),
        reverse("inbound:mailbox_check", args=[mailbox.pk]),
        reverse("mail:mailbox_delete", args=[mailbox.pk]),
    ]
    return get_pages, post_only


def test_owner_opens_every_page(client_for, owner, message, mailbox):
    client = client_for(owner)
    get_pages, _post = _pages(message, mailbox)
    for url in [
        *get_pages,
        reverse("mail:message_list"),
        reverse("inbound:message_upload"),
        reverse("mail:mailbox_list"),
        reverse("mail:mailbox_create"),
    ]:
        assert client.get(url).status_code == 200, url


def test_colleague_without_rights_gets_404_everywhere(client_for, colleague, message, mailbox):
    client = client_for(colleague)
    get_pages, post_only = _pages(message, mailbox)
    for url in get_pages:
        assert client.get(url).status_code == 404, url
    for url in post_only:
        assert client.post(url).status_code == 404, url
    assert Mailbox.objects.filter(pk=mailbox.pk).exists()
    listing = client.get(reverse("mail:message_list")).content.decode()
    assert "Order 4711" not in listing


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_anonymous_and_outsider_are_sent_to_login(client, who, outsider, message, mailbox):
    if who == "outsider":
        client.force_login(outsider)
    get_pages, post_only = _pages(message, mailbox)
    for url in [reverse("mail:message_list"), reverse("inbound:message_upload"), *get_pages]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    for url in post_only:
        response = client.post(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_wrong_method_gets_405(client_for, owner, message, mailbox):
    client = client_for(owner)
    get_pages, post_only = _pages(message, mailbox)
    for url in post_only:
        assert client.get(url).status_code == 405, url
    for url in get_pages[:5]:
        assert client.post(url).status_code == 405, url
    assert client.delete(reverse("inbound:message_upload")).status_code == 405


def test_manager_and_finance_read_a_customers_mail(client_for, manager, finance, message):
    for user in (manager, finance):
        page = client_for(user).get(reverse("mail:message_detail", args=[message.pk]))
        assert page.status_code == 200


def test_a_shared_colleague_reads_the_customers_mail(
    client_for, owner, colleague, company, message
):
    company.shared_with.add(colleague)
    page = client_for(colleague).get(reverse("mail:message_detail", args=[message.pk]))
    assert page.status_code == 200


def test_the_message_page_shows_sanitised_html_and_blocks_remote_images(client_for, owner, message):
    owner.language = "en"
    owner.save(update_fields=["language"])
    response = client_for(owner).get(reverse("mail:message_detail", args=[message.pk]))
    html = response.content.decode()
    body = html.split('data-testid="message-html">', 1)[1].split("</div>", 1)[0]
    assert "Dear Li Na," in body
    assert "<script" not in body and "owned" not in body
    assert "tracker.example" not in html
    assert "[\N{FRAME WITH PICTURE} Müller logo]" in body
    assert "1 image from the internet was not loaded" in html
    assert 'href="https://mueller-maschinen.de/orders/4711"' in body
    assert 'rel="noopener noreferrer"' in body
    assert "img-src 'self' data:" in response["Content-Security-Policy"]
    assert "Anna Schmidt" in html and "anna.schmidt@mueller-maschinen.de" in html


@pytest.mark.parametrize(
    ("filename", "declared", "sent_type"),
    [("photo.png", "image/png", "image/png"), ("schedule.html", "text/html", "text/html")],
)
def test_attachments_download_and_never_render_inline(
    client_for, owner, message, filename, declared, sent_type
):
    attachment = message.attachments.get(filename=filename)
    assert attachment.content_type == declared
    response = client_for(owner).get(reverse("mail:attachment_download", args=[attachment.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert filename in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == sent_type
    assert "sandbox" in response["Content-Security-Policy"]
    content = b"".join(response.streaming_content)
    assert content == attachment.file.open("rb").read()


def test_the_original_downloads_as_eml(client_for, owner, message):
    response = client_for(owner).get(reverse("mail:message_original", args=[message.pk]))
    assert response["Content-Disposition"] == f'attachment; filename="message-{message.pk}.eml"'
    assert b"".join(response.streaming_content) == message.raw.open("rb").read()


def test_a_message_with_a_parse_error_says_so(client_for, owner, ingest, company):
    owner.language = "en"
    owner.save(update_fields=["language"])
    raw = (
        b"From: anna.schmidt@mueller-maschinen.de\r\nSubject: scans\r\n"
        b"Content-Type: text/plain; charset=x-unknown-8\r\n\r\nhello\r\n"
    )
    message = ingest(raw).message
    html = client_for(owner).get(reverse("mail:message_detail", args=[message.pk])).content
    assert b"This message could not be read completely." in html
    assert b"x-unknown-8" in html


def test_company_page_lists_its_mail(client_for, owner, company, message):
    page = client_for(owner).get(reverse("parties:company_detail", args=[company.pk]))
    html = page.content.decode()
    section = html.split('data-testid="company-mail"', 1)[1]
    assert "Order 4711: delivery schedule" in section
    assert reverse("mail:message_detail", args=[message.pk]) in section
    assert reverse("mail:contact_messages", args=[message.contact_id]) in section


def test_contact_page_lists_only_that_contacts_mail(client_for, owner, ingest, company, message):
    ingest(make_raw(sender="jonas@mueller-maschinen.de", subject="From Jonas"))
    html = (
        client_for(owner)
        .get(reverse("mail:contact_messages", args=[message.contact_id]))
        .content.decode()
    )
    assert "Order 4711: delivery schedule" in html and "From Jonas" not in html


def test_message_list_has_no_n_plus_one(client_for, owner, ingest, company):
    client = client_for(owner)
    for n in range(3):
        ingest(make_raw(subject=f"Message {n}"))
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("mail:message_list")).status_code == 200
    for n in range(3, 15):
        ingest(make_raw(subject=f"Message {n}"))
    with CaptureQueriesContext(connection) as many:
        assert client.get(reverse("mail:message_list")).status_code == 200
    assert len(many) == len(few)
    page = client.get(reverse("mail:message_list")).content.decode()
    assert "Message 14" in page


def test_company_page_mail_section_has_no_n_plus_one(client_for, owner, ingest, company):
    client = client_for(owner)
    url = reverse("parties:company_detail", args=[company.pk])
    ingest(make_raw(subject="one"))
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(8):
        ingest(make_raw(subject=f"more {n}"))
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


# --- unlinked mail: mailbox owners, shared mailboxes, uploads ---------------------------


def _imap_message(ingest, mailbox, uid, **kwargs):
    return ingest(
        make_raw(**kwargs),
        source=Source.IMAP,
        mailbox=mailbox,
        location=Location("INBOX", 7, uid),
    ).message


def test_unlinked_mail_of_a_personal_mailbox(
    client_for, owner, colleague, manager, ingest, mailbox
):
    message = _imap_message(ingest, mailbox, 1, sender="stranger@unknown.example", subject="Hi")
    assert message.company is None
    url = reverse("mail:message_detail", args=[message.pk])
    assert client_for(owner).get(url).status_code == 200
    assert client_for(manager).get(url).status_code == 200
    assert client_for(colleague).get(url).status_code == 404


def test_a_personal_mailbox_owner_reads_own_mail_about_others_customers(
    client_for, owner, colleague, ingest
):
    """Their own mail: even about a customer they cannot see."""
    other = make_company(actor=colleague, name="Colleague's Buyer", email="x@colleague-buyer.de")
    box = mailbox_create(
        actor=owner,
        data=MailboxInput("mine", "127.0.0.1", 1, Security.NONE, "li", "pw-1"),
    )
    message = _imap_message(ingest, box, 1, sender="x@colleague-buyer.de")
    assert message.company == other
    assert (
        client_for(owner).get(reverse("mail:message_detail", args=[message.pk])).status_code == 200
    )


def test_shared_mailbox_members_read_unlinked_mail_but_not_other_customers(
    client_for, owner, colleague, manager, ingest, company
):
    shared = mailbox_create(
        actor=manager,
        data=MailboxInput(
            "sales@",
            "127.0.0.1",
            1,
            Security.NONE,
            "sales",
            "pw-2",
            shared=True,
            members=[colleague],
        ),
    )
    unlinked = _imap_message(ingest, shared, 1, sender="new.buyer@prospect.example")
    about_owners_customer = _imap_message(ingest, shared, 2, subject="Order 4711")
    client = client_for(colleague)
    assert client.get(reverse("mail:message_detail", args=[unlinked.pk])).status_code == 200
    assert (
        client.get(reverse("mail:message_detail", args=[about_owners_customer.pk])).status_code
        == 404
    )


def test_upload_an_eml_file(client_for, owner, colleague, manager, company):
    client = client_for(owner)
    raw = make_raw(sender="someone@nowhere.example", subject="Uploaded by hand")
    response = client.post(
        reverse("inbound:message_upload"),
        {"file": SimpleUploadedFile("mail.eml", raw, content_type="message/rfc822")},
    )
    message = Message.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("mail:message_detail", args=[message.pk])
    assert message.source == Source.UPLOAD and message.uploaded_by == owner
    assert message.raw.open("rb").read() == raw
    url = reverse("mail:message_detail", args=[message.pk])
    assert client_for(manager).get(url).status_code == 200
    assert client_for(colleague).get(url).status_code == 404
    # Uploading the same file again stores nothing new.
    again = client_for(owner).post(
        reverse("inbound:message_upload"), {"file": SimpleUploadedFile("mail.eml", raw)}
    )
    assert again["Location"] == url and Message.objects.count() == 1


def test_upload_of_an_empty_file_is_refused(client_for, owner, db):
    response = client_for(owner).post(
        reverse("inbound:message_upload"), {"file": SimpleUploadedFile("empty.eml", b"")}
    )
    assert response.status_code == 200 and Message.objects.count() == 0


# --- mailbox settings -----------------------------------------------------------------------


def test_connect_a_mailbox_stores_the_password_encrypted(client_for, owner, db):
    client = client_for(owner)
    response = client.post(
        reverse("mail:mailbox_create"),
        {
            "name": "Li Na",
            "host": "imap.chengxin-export.cn",
            "port": 993,
            "security": "ssl",
            "username": "li.na@chengxin-export.cn",
            "password": "Imap-Secret-9",
            "folder": "INBOX",
            "is_active": "on",
        },
    )
    mailbox = Mailbox.objects.get()
    assert response.status_code == 302
    assert mailbox.owner == owner
    assert "Imap-Secret-9" not in mailbox.password_encrypted
    assert crypto.decrypt(mailbox.password_encrypted) == "Imap-Secret-9"
    page = client.get(reverse("mail:mailbox_edit", args=[mailbox.pk])).content.decode()
    assert "Imap-Secret-9" not in page and mailbox.password_encrypted not in page


def test_editing_without_a_password_keeps_it(client_for, owner, mailbox):
    client_for(owner).post(
        reverse("mail:mailbox_edit", args=[mailbox.pk]),
        {
            "name": "Renamed",
            "host": "127.0.0.1",
            "port": 1,
            "security": "none",
            "username": "li.na",
            "password": "",
            "folder": "INBOX",
        },
    )
    mailbox.refresh_from_db()
    assert mailbox.name == "Renamed" and mailbox.is_active is False
    assert crypto.decrypt(mailbox.password_encrypted) == "Imap-Secret-9"


def test_an_unencrypted_connection_to_a_remote_server_is_refused(client_for, owner, db):
    response = client_for(owner).post(
        reverse("mail:mailbox_create"),
        {
            "host": "imap.example.com",
            "port": 143,
            "security": "none",
            "username": "li",
            "password": "x",
            "folder": "INBOX",
        },
    )
    assert response.status_code == 200 and not Mailbox.objects.exists()


def test_only_a_manager_connects_a_shared_mailbox(client_for, owner, manager, colleague, db):
    data = {
        "name": "sales@",
        "host": "imap.example.com",
        "port": 993,
        "security": "ssl",
        "username": "sales",
        "password": "pw",
        "folder": "INBOX",
        "shared": "on",
        "members": [colleague.pk],
    }
    client_for(owner).post(reverse("mail:mailbox_create"), data)
    assert Mailbox.objects.get().owner == owner  # the field is not offered: personal
    client_for(manager).post(reverse("mail:mailbox_create"), {**data, "name": "shared"})
    shared = Mailbox.objects.get(name="shared")
    assert shared.is_shared and list(shared.members.all()) == [colleague]


def test_test_connection_reports_a_failure(client_for, owner, mailbox):
    owner.language = "en"
    owner.save(update_fields=["language"])
    response = client_for(owner).post(reverse("mail:mailbox_test", args=[mailbox.pk]), follow=True)
    assert (
        "The connection failed: Cannot connect to an IMAP server at 127.0.0.1:1."
        in response.content.decode()
    )


def test_test_connection_against_a_real_server(client_for, owner, dovecot):
    owner.language = "en"
    owner.save(update_fields=["language"])
    account = dovecot.add_account()
    dovecot.append(account, make_raw())
    box = mailbox_create(
        actor=owner,
        data=MailboxInput(
            "dovecot",
            "127.0.0.1",
            dovecot.imap_port,
            Security.NONE,
            account.username,
            account.password,
        ),
    )
    response = client_for(owner).post(reverse("mail:mailbox_test", args=[box.pk]), follow=True)
    assert "Connected: the folder INBOX holds 1 messages." in response.content.decode()


def test_check_now_queues_a_poll(client_for, owner, mailbox):
    client_for(owner).post(reverse("inbound:mailbox_check", args=[mailbox.pk]))
    task = DBTaskResult.objects.get()
    assert task.task_path == "chengxin.inbound.tasks.mailbox_poll_task"
    assert task.args_kwargs["args"] == [mailbox.pk]


def test_disconnecting_keeps_the_messages(client_for, owner, ingest, mailbox):
    message = _imap_message(ingest, mailbox, 1)
    client_for(owner).post(reverse("mail:mailbox_delete", args=[mailbox.pk]))
    assert not Mailbox.objects.exists()
    assert Message.objects.filter(pk=message.pk).exists()
    assert not MessageLocation.objects.exists()


def test_managers_do_not_see_personal_mailbox_settings_admins_do(client_for, owner, mailbox, db):
    manager = make_user(Role.MANAGER, username="boss")
    admin = make_user(Role.ADMIN, username="root-admin")
    url = reverse("mail:mailbox_edit", args=[mailbox.pk])
    assert client_for(manager).get(url).status_code == 404
    assert client_for(admin).get(url).status_code == 200
