from django.apps import AppConfig


class MyDayConfig(AppConfig):
    """The home page "My day" and what waits for an approval across the apps: above every
    domain app, which it reads."""

    name = "chengxin.myday"
    label = "myday"

    def ready(self):
        from chengxin.accounts.signals import user_rights_changing
        from chengxin.myday.signals import approvals_watch_rights_change

        user_rights_changing.connect(
            approvals_watch_rights_change, dispatch_uid="myday.approvals_watch_rights_change"
        )
