from django.urls import path

from chengxin.imports import views

app_name = "imports"

urlpatterns = [
    path("", views.import_upload, name="import_upload"),
    path("export/", views.export, name="export"),
]
