from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TodosConfig(AppConfig):
    name = "chengxin.todos"
    label = "todos"
    verbose_name = _("Tasks")
    default_auto_field = "django.db.models.BigAutoField"
