from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuardConfig(AppConfig):
    name = "chengxin.guard"
    verbose_name = _("Fraud guard")

    def ready(self):
        from chengxin.guard import checks, known_index  # noqa: F401  (registers checks)

        known_index.connect_change_signals()
