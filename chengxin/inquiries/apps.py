from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InquiriesConfig(AppConfig):
    name = "chengxin.inquiries"
    label = "inquiries"
    verbose_name = _("Inquiries")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from chengxin.inquiries import checks  # noqa: F401  (registers system checks)
