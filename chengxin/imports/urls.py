from django.urls import path

from chengxin.imports import views

app_name = "imports"

urlpatterns = [
    path("", views.import_upload, name="import_upload"),
    path("template.xlsx", views.import_template, name="import_template"),
    path("<int:pk>/", views.import_review, name="import_review"),
    path("<int:pk>/confirm/", views.import_confirm, name="import_confirm"),
    path("export/", views.export, name="export"),
]
