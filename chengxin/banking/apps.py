from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BankingConfig(AppConfig):
    name = "chengxin.banking"
    label = "banking"
    verbose_name = _("Bank accounts")
    default_auto_field = "django.db.models.BigAutoField"
