from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    name = "chengxin.outbox"
    verbose_name = _("Outbox")

    def ready(self):
        from chengxin.outbox import checks  # noqa: F401  (registers system checks)
