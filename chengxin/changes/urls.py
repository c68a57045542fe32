"""The change-request pages, mounted at the site's root: the loop under changes/, and the
two buttons of a customer's page that open a request, at the customer's addresses
(companies/, where the parties app mounts the rest of that page's forms)."""

from django.urls import include, path

from chengxin.changes import views

app_name = "changes"

loop_patterns = [
    path("", views.change_list, name="change_list"),
    path("<int:pk>/", views.change_detail, name="change_detail"),
    path("<int:pk>/confirm/", views.change_confirm, name="change_confirm"),
    path("<int:pk>/verify/", views.change_verify, name="change_verify"),
    path("<int:pk>/approve/", views.change_approve, name="change_approve"),
    path("<int:pk>/apply/", views.change_apply, name="change_apply"),
    path("<int:pk>/notice/", views.change_notice, name="change_notice"),
    path("<int:pk>/withdraw/", views.change_withdraw, name="change_withdraw"),
    path("<int:pk>/close/", views.change_close, name="change_close"),
    path("new/contact/<int:contact_pk>/", views.change_open_for_contact, name="open_for_contact"),
    path("new/message/<int:message_pk>/", views.change_open_for_message, name="open_for_message"),
]

customer_patterns = [
    path("contacts/<int:pk>/channels/new/", views.channel_add, name="channel_add"),
    path("channels/<int:pk>/primary/", views.channel_make_primary, name="channel_make_primary"),
]

urlpatterns = [
    path("changes/", include(loop_patterns)),
    path("companies/", include(customer_patterns)),
]
