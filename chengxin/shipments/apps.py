from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShipmentsConfig(AppConfig):
    name = "chengxin.shipments"
    label = "shipments"
    verbose_name = _("Shipments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from chengxin.shipments import checks  # noqa: F401  (registers system checks)
