from django.urls import path

from chengxin.publicrecord import views

app_name = "publicrecord"

urlpatterns = [
    path("accounts/", views.record, name="record"),
    path("accounts/check/", views.verify, name="verify"),
    path("accounts/proofs/<int:pk>/", views.proof_download, name="proof_download"),
    path("manage/proofs/", views.proof_list, name="proof_list"),
    path("manage/proofs/upload/", views.proof_upload, name="proof_upload"),
    path("manage/proofs/<int:pk>/public/", views.proof_publish, name="proof_publish"),
    path("manage/proofs/<int:pk>/file/", views.proof_file, name="proof_file"),
    path("manage/checks/", views.attempt_list, name="attempt_list"),
]
