from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicRecordConfig(AppConfig):
    name = "chengxin.publicrecord"
    label = "publicrecord"
    verbose_name = _("Public account record")
    default_auto_field = "django.db.models.BigAutoField"
