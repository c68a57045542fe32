"""Banking tests read messages in English and store mail in a temporary folder."""

import pytest

from chengxin.mail.tests.fixtures import ingest, media_root, offline_guard  # noqa: F401


@pytest.fixture(autouse=True)
def _english(settings):
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield
