"""The buyer's personal acknowledgement link: public, no login (included at ``ack/``)."""

from django.urls import path

from chengxin.campaigns import views

app_name = "ack"

urlpatterns = [
    path("<str:token>/", views.ack_page, name="page"),
    path("<str:token>/timeline.pdf", views.ack_timeline_pdf, name="timeline_pdf"),
]
