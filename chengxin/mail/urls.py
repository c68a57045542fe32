from django.urls import path

from chengxin.mail import views

app_name = "mail"

urlpatterns = [
    path("", views.message_list, name="message_list"),
    path("<int:pk>/", views.message_detail, name="message_detail"),
    path("<int:pk>/original/", views.message_original, name="message_original"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment_download"),
    path("companies/<int:pk>/", views.company_messages, name="company_messages"),
    path("contacts/<int:pk>/", views.contact_messages, name="contact_messages"),
    path("mailboxes/", views.mailbox_list, name="mailbox_list"),
    path("mailboxes/new/", views.mailbox_create, name="mailbox_create"),
    path("mailboxes/<int:pk>/", views.mailbox_edit, name="mailbox_edit"),
    path("mailboxes/<int:pk>/test/", views.mailbox_test, name="mailbox_test"),
    path("mailboxes/<int:pk>/delete/", views.mailbox_delete, name="mailbox_delete"),
]
