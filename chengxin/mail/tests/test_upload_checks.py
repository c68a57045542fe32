"""Only messages are stored as messages: a PNG (or any file) renamed to .eml is refused
with a clear message; an upload survives any bytes."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chengxin.mail.models import Message
from chengxin.mail.parsing import looks_like_message
from chengxin.testing.hostile_files import CRAFTED_PDFS, hostile_bytes
from chengxin.testing.mail import make_raw

pytestmark = pytest.mark.usefixtures("english")

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81"
    b"\x84\x00\x00\x00\x00IEND\xaeB`\x82"
)
NOT_A_MESSAGE = "This file is not an email message"


def _upload(client, content: bytes, name: str = "mail.eml"):
    return client.post(
        reverse("inbound:message_upload"),
        {"file": SimpleUploadedFile(name, content, content_type="message/rfc822")},
    )


@pytest.mark.parametrize(
    "content",
    [
        PNG,
        CRAFTED_PDFS["huge startxref"],
        b"PK\x03\x04" + b"\x00" * 40,
        b"Dear Anna,\n\nplease find the invoice attached.\n",
        b"Hello: world\n\nnot a header anyone sends",
    ],
    ids=["png", "pdf", "zip", "plain text", "no message header"],
)
def test_a_file_that_is_not_a_message_is_refused(client_for, owner, content):
    response = _upload(client_for(owner), content)
    assert response.status_code == 200
    assert NOT_A_MESSAGE in response.content.decode()
    assert not Message.objects.exists()


def test_a_message_saved_from_an_mbox_is_stored(client_for, owner):
    raw = b"From anna@mueller-maschinen.de Mon Dec  7 09:00:00 2026\n" + make_raw(
        sender="anna@mueller-maschinen.de", subject="Saved from Thunderbird"
    )
    response = _upload(client_for(owner), raw)
    assert response.status_code == 302
    assert Message.objects.get().subject == "Saved from Thunderbird"


def test_looks_like_message():
    raw = make_raw(sender="a@b.example", subject="Hi")
    assert looks_like_message(raw)
    assert looks_like_message(b"Subject: folded\r\n  over two lines\r\nFrom: a@b.example\r\n")
    assert not looks_like_message(PNG)
    assert not looks_like_message(b" Subject: starts folded\n\nbody")
    assert not looks_like_message(b"Subject: has a NUL\x00\n\nbody")


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    content=st.one_of(
        hostile_bytes(),
        st.binary(max_size=500).map(lambda tail: b"From: a@b.example\r\nSubject: x\r\n" + tail),
    )
)
def test_the_upload_survives_any_bytes(client_for, owner, content):
    response = _upload(client_for(owner), content)
    assert response.status_code in (200, 302)
