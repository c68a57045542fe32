"""The project's URLs plus one page that fails, to see the 500 page."""

from django.urls import path

from chengxin.urls import handler403, handler404, handler500, urlpatterns

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]


def failing_page(request):
    raise RuntimeError("a bug")


urlpatterns = [path("failing/", failing_page), *urlpatterns]
