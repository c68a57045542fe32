from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo exporter and ``chengxin start``: the top of the layers, it may use every app."""

    name = "chengxin.demo"
    label = "demo"
