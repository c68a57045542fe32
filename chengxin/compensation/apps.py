from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompensationConfig(AppConfig):
    name = "chengxin.compensation"
    label = "compensation"
    verbose_name = _("Fee compensation")
    default_auto_field = "django.db.models.BigAutoField"
