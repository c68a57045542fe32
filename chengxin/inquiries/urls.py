from django.urls import path

from chengxin.inquiries import views

app_name = "inquiries"

urlpatterns = [
    path("", views.inquiry_list, name="inquiry_list"),
    path("new/", views.inquiry_create, name="inquiry_create"),
    path("from-message/<int:message_pk>/", views.inquiry_from_message, name="from_message"),
    path("<int:pk>/", views.inquiry_detail, name="inquiry_detail"),
    path("<int:pk>/reply/", views.inquiry_reply, name="inquiry_reply"),
    path("<int:pk>/answer/", views.inquiry_answer, name="inquiry_answer"),
    path("<int:pk>/call/", views.inquiry_call, name="inquiry_call"),
    path("<int:pk>/accept/", views.inquiry_accept, name="inquiry_accept"),
    path("<int:pk>/dismiss/", views.inquiry_dismiss, name="inquiry_dismiss"),
    path("<int:pk>/close/", views.inquiry_close, name="inquiry_close"),
    path("calendar/", views.calendar_days, name="calendar"),
    path("calendar/<int:pk>/remove/", views.calendar_day_remove, name="calendar_day_remove"),
]
