"""After the change, a buyer with an open order gets that order's proforma data with the
new account in the payment instructions; one without, or with an order in another
currency, gets none."""

from __future__ import annotations

import datetime
from decimal import Decimal

from chengxin.campaigns import notice
from chengxin.campaigns.models import Recipient
from chengxin.campaigns.services.launch import plan_launch
from chengxin.orders.services import LineIn, order_create
from chengxin.testing.campaigns import NEW_IBAN, NOW, OLD_IBAN


def _order(owner, company, currency="USD", quantity="400", price="12.50"):
    return order_create(
        actor=owner,
        company=company,
        currency=currency,
        incoterm="FOB",
        named_place="Ningbo",
        lines=[
            LineIn(
                description="LED panel light 600x600 40W",
                quantity=Decimal(quantity),
                unit_price=Decimal(price),
            )
        ],
        order_date=datetime.date(2026, 11, 20),
        terms={
            "lines": [
                {"kind": "deposit", "percent": "30"},
                {"kind": "balance", "trigger": "before_shipment"},
            ]
        },  # fmt: skip
        now=NOW,
    )


def test_the_open_order_and_what_is_still_due_go_with_the_new_account(
    english, owner, finance, plan, buyers, no_whatsapp
):
    order = _order(owner, buyers["berlin"])
    _order(owner, buyers["new_york"], currency="EUR")  # paid into an account not changing
    plan_launch(actor=finance, plan=plan, now=NOW)
    berlin = Recipient.objects.get(company=buyers["berlin"])
    letter = notice.post_change_letter(berlin, "token")
    assert f"Your order {order.number}: proforma invoice with the new account" in letter.text
    assert "FOB Ningbo" in letter.text
    # money as format_money writes it: a no-break space after the code
    assert "400 pcs = USD\u00a05,000.00" in letter.text
    assert "Deposit 30 % on order: USD\u00a01,500.00 (due 20 November 2026)" in letter.text
    assert "Please pay these amounts into the new account above." in letter.text
    assert order.number in letter.html
    new_york = Recipient.objects.get(company=buyers["new_york"])
    assert "Your order" not in notice.post_change_letter(new_york, "token").text


def test_a_german_buyer_reads_the_amounts_in_german(owner, finance, plan, buyers, no_whatsapp):
    order = _order(owner, buyers["berlin"])
    plan_launch(actor=finance, plan=plan, now=NOW)
    berlin = Recipient.objects.get(company=buyers["berlin"])
    berlin.language = "de"
    letter = notice.post_change_letter(berlin, "token")
    assert order.number in letter.text
    assert "5.000,00" in letter.text


def test_the_letter_after_the_change_carries_each_open_orders_proforma_pdf(
    owner, finance, plan, buyers, new_account, smtp, no_whatsapp, settings
):
    """The payment instructions go with the open order's proforma invoice as a PDF,
    issued with the new account in full and kept as sent on the order (number, hash)."""
    import hashlib
    import io

    from pdfminer.high_level import extract_text

    from chengxin.campaigns.models import Touch, TouchKind
    from chengxin.campaigns.services.sending import campaigns_send_due
    from chengxin.documents.models import Document, DocumentState
    from chengxin.outbox.services import outbox_send_due

    settings.SITE_ROOT = "https://crm.chengxin.example"
    order = _order(owner, buyers["berlin"])
    _order(owner, buyers["new_york"], currency="EUR")
    plan_launch(actor=finance, plan=plan, now=NOW)
    touch = Touch.objects.get(recipient__company=buyers["berlin"], kind=TouchKind.POST_CHANGE)
    campaigns_send_due(now=touch.due_at)
    outbox_send_due(now=touch.due_at)
    document = Document.objects.get(order=order)
    assert document.state == DocumentState.SENT
    assert document.kind == "proforma"
    assert document.account == new_account
    assert document.created_by is None  # issued by the system for the campaign
    touch.refresh_from_db()
    assert document.message == touch.outbound_message
    [mail] = [
        m for rcpts, m in smtp.inbox.messages
        if rcpts == ["anna.schmidt@mueller-maschinen.de"] and "Payment instructions" in m["Subject"]
    ]  # fmt: skip
    [attachment] = list(mail.iter_attachments())
    assert attachment.get_filename() == f"{document.number}.pdf"
    content = attachment.get_content()
    assert hashlib.sha256(content).hexdigest() == document.sha256
    text = extract_text(io.BytesIO(content)).replace(" ", "")
    assert NEW_IBAN in text
    assert OLD_IBAN not in text
    # the buyer without an open order in the new account's currency gets no PDF
    assert not Document.objects.filter(company=buyers["new_york"]).exists()


def test_a_proforma_that_cannot_be_made_does_not_hold_up_the_letter(
    owner, finance, plan, buyers, smtp, no_whatsapp, caplog
):
    """Dubai's customs need HS codes the order's lines lack: no PDF for that order (the
    reason is logged), but the payment instructions with its figures still go."""
    from chengxin.campaigns.models import Touch, TouchKind
    from chengxin.campaigns.services.sending import campaigns_send_due
    from chengxin.documents.models import Document, DocumentSeries

    order = _order(owner, buyers["dubai"])
    plan_launch(actor=finance, plan=plan, now=NOW)
    touch = Touch.objects.get(
        recipient__company=buyers["dubai"], kind=TouchKind.POST_CHANGE, channel="email"
    )
    campaigns_send_due(now=touch.due_at)
    touch.refresh_from_db()
    message = touch.outbound_message
    assert message is not None
    assert order.number in message.body_text
    assert not message.attachments.exists()
    assert not Document.objects.exists()
    assert not DocumentSeries.objects.filter(last__gt=0).exists()
    assert f"no proforma of {order.number}" in caplog.text
    assert "lines[0].hs_code" in caplog.text
