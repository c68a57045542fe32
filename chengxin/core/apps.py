from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "chengxin.core"
    verbose_name = _("Chengxin")

    def ready(self):
        from chengxin.core import checks  # noqa: F401  (registers system checks)
