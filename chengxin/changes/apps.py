from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChangesConfig(AppConfig):
    name = "chengxin.changes"
    label = "changes"
    verbose_name = _("Contact changes")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from chengxin.changes import receivers

        receivers.connect()
