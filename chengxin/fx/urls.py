from django.urls import path

from chengxin.fx import views

app_name = "fx"

urlpatterns = [
    path("", views.rate_list, name="rate_list"),
    path("new/", views.rate_record, name="rate_record"),
    path("import/", views.rates_import, name="rates_import"),
    path("<str:code>/", views.rate_history, name="rate_history"),
]
