from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "chengxin.audit"
    verbose_name = _("Audit trail")

    def ready(self):
        from chengxin.audit import checks  # noqa: F401  (registers system checks)
