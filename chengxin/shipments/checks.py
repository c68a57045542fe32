"""System checks for the tracking settings: reported at start, not at the first poll."""

from django.conf import settings
from django.core.checks import Error, register
from django.utils.module_loading import import_string


@register()
def tracking_settings_check(app_configs, **kwargs):
    from chengxin.shipments.tracking import (
        DEFAULT_ADAPTER,
        DcsaTrackingAdapter,
        TrackingAdapter,
        TrackingError,
    )

    path = settings.CHENGXIN_TRACKING_ADAPTER or DEFAULT_ADAPTER
    try:
        adapter = import_string(path)
    except ImportError:
        return [
            Error(f"CHENGXIN_TRACKING_ADAPTER={path!r} cannot be imported.", id="chengxin.E601")
        ]
    if not (isinstance(adapter, type) and issubclass(adapter, TrackingAdapter)):
        return [Error(f"CHENGXIN_TRACKING_ADAPTER={path!r} is not a TrackingAdapter.",
                      id="chengxin.E602")]  # fmt: skip
    if issubclass(adapter, DcsaTrackingAdapter):
        try:
            adapter()
        except TrackingError as exc:
            return [Error(str(exc), id="chengxin.E603")]
    return []
