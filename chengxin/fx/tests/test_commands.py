import datetime

import pytest
from django.core.management import CommandError, call_command

from chengxin.fx.models import Rate, Source

pytestmark = pytest.mark.django_db


def test_the_command_loads_the_bundled_ecb_file_once(capsys):
    call_command("fx_rates_load_ecb", "--since", "2024-01-02", "--until", "2024-01-05")
    stored = Rate.objects.filter(source=Source.ECB, currency="EUR")
    assert set(stored.values_list("day", flat=True)) == {
        datetime.date(2024, 1, day) for day in (2, 3, 4, 5)
    }
    assert stored.filter(quote="USD").count() == 4 and stored.filter(quote="CNY").count() == 4
    assert "new, 0 corrected" in capsys.readouterr().out
    call_command("fx_rates_load_ecb", "--since", "2024-01-02", "--until", "2024-01-05")
    assert "ECB rates 2024-01-02 to 2024-01-05: 0 new, 0 corrected." in capsys.readouterr().out


def test_the_command_refuses_bad_days():
    with pytest.raises(CommandError, match="not a date"):
        call_command("fx_rates_load_ecb", "--since", "yesterday")
    with pytest.raises(CommandError, match="after"):
        call_command("fx_rates_load_ecb", "--since", "2024-02-01", "--until", "2024-01-01")


def test_the_daily_task_stores_the_recent_ecb_rates(monkeypatch):
    from django.utils import timezone

    from chengxin.fx import services
    from chengxin.fx.ecb import FixedEcbRates
    from chengxin.fx.tasks import fx_rates_update_task

    today = timezone.now().date()
    old = today - datetime.timedelta(days=40)
    source = FixedEcbRates({today: {"USD": "1.05"}, old: {"USD": "1.10"}})
    monkeypatch.setattr(services, "ecb_rates", lambda: source)
    assert fx_rates_update_task.call() == 1
    assert list(Rate.objects.values_list("day", flat=True)) == [today]
