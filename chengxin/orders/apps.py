from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrdersConfig(AppConfig):
    name = "chengxin.orders"
    label = "orders"
    verbose_name = _("Quotes and orders")
    default_auto_field = "django.db.models.BigAutoField"
