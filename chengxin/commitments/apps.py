from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommitmentsConfig(AppConfig):
    name = "chengxin.commitments"
    label = "commitments"
    verbose_name = _("Commitments")
    default_auto_field = "django.db.models.BigAutoField"
