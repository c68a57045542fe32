from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "chengxin.core"
    verbose_name = _("Chengxin")

    def ready(self):
        from django.db.models import fields

        from chengxin.core import checks  # noqa: F401  (registers system checks)
        from chengxin.core.buyer_language import install_english_fallback

        install_english_fallback()

        # The empty choice of a select built from a model field (and in the admin). Django
        # 6 has no Chinese for it yet; naming it here puts it in our own catalogue, which
        # Django allows an app's ready() to do.
        fields.BLANK_CHOICE_LABEL = _("- Select an option -")
