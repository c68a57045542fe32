"""The pages that bring a message in (under /mail/, beside mail's own pages)."""

from django.urls import path

from chengxin.inbound import views

app_name = "inbound"

urlpatterns = [
    path("upload/", views.message_upload, name="message_upload"),
    path("mailboxes/<int:pk>/check/", views.mailbox_check, name="mailbox_check"),
]
