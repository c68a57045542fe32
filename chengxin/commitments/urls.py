from django.urls import path

from chengxin.commitments import views

app_name = "commitments"

urlpatterns = [
    path("", views.attention, name="attention"),
    path("orders/<int:order_pk>/new/", views.milestone_new, name="milestone_new"),
    path("orders/<int:order_pk>/check/", views.order_check, name="order_check"),
    path("orders/<int:order_pk>/updates/new/", views.update_new, name="update_new"),
    path("<int:pk>/", views.milestone_detail, name="milestone_detail"),
    path("<int:pk>/forecast/", views.milestone_forecast, name="milestone_forecast"),
    path("<int:pk>/done/", views.milestone_done, name="milestone_done"),
    path("warnings/<int:pk>/", views.warning_detail, name="warning_detail"),
    path("warnings/<int:pk>/dismiss/", views.warning_dismiss, name="warning_dismiss"),
    path("updates/<int:pk>/", views.update_detail, name="update_detail"),
    path("updates/<int:pk>/send/", views.update_send, name="update_send"),
    path("photos/<int:pk>/", views.photo, name="photo"),
]
