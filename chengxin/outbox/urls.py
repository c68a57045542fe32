from django.urls import path

from chengxin.outbox import views

app_name = "outbox"

urlpatterns = [
    path("", views.outbox_list, name="outbox_list"),
    path("<int:pk>/", views.message_detail, name="message_detail"),
    path("<int:pk>/send-now/", views.message_send_now, name="message_send_now"),
    path("<int:pk>/cancel/", views.message_cancel, name="message_cancel"),
    path("contacts/<int:pk>/write/", views.message_write, name="message_write"),
    path("contacts/<int:pk>/hours/", views.contact_window_edit, name="contact_window_edit"),
    path("caught/", views.caught_list, name="caught_list"),
    path("caught/<str:key>/", views.caught_detail, name="caught_detail"),
]
