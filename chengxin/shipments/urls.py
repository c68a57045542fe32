from django.urls import path

from chengxin.shipments import views

app_name = "shipments"

urlpatterns = [
    path("", views.shipment_list, name="shipment_list"),
    path("new/<int:order_pk>/", views.shipment_create, name="shipment_create"),
    path("<int:pk>/", views.shipment_detail, name="shipment_detail"),
    path("<int:pk>/edit/", views.shipment_edit, name="shipment_edit"),
    path("<int:pk>/book/", views.shipment_book, name="shipment_book"),
    path("<int:pk>/depart/", views.shipment_depart, name="shipment_depart"),
    path("<int:pk>/arrive/", views.shipment_arrive, name="shipment_arrive"),
    path("<int:pk>/deliver/", views.shipment_deliver, name="shipment_deliver"),
    path("<int:pk>/cancel/", views.shipment_cancel, name="shipment_cancel"),
    path("<int:pk>/events/", views.event_add, name="event_add"),
    path("<int:pk>/containers/", views.container_add, name="container_add"),
    path("containers/<int:pk>/remove/", views.container_remove, name="container_remove"),
]
