"""A message to a user outside the application goes to the implementation the setting
names (the outbox's in production), with what it is about defaulting to the user."""

from chengxin.notifications.delivery import deliver_to_user

delivered = []


def record(user, **message):
    delivered.append((user, message))
    return ["queued"]


def test_the_setting_names_who_carries_the_message(settings, owner):
    settings.CHENGXIN_USER_DELIVERY = f"{__name__}.record"
    delivered.clear()
    queued = deliver_to_user(owner, subject="Hello", body="Text", purpose="test.purpose")
    assert queued == ["queued"]
    assert delivered == [
        (
            owner,
            {
                "subject": "Hello",
                "body": "Text",
                "purpose": "test.purpose",
                "chat": False,
                "related_type": "accounts.user",
                "related_id": str(owner.pk),
            },
        )
    ]


def test_the_outbox_carries_it_by_default(settings):
    assert settings.CHENGXIN_USER_DELIVERY == "chengxin.outbox.delivery.deliver_to_user"
