from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FxConfig(AppConfig):
    name = "chengxin.fx"
    label = "fx"
    verbose_name = _("Currencies and rates")
    default_auto_field = "django.db.models.BigAutoField"
