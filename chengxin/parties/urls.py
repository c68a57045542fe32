from django.urls import path

from chengxin.parties import views

app_name = "parties"

# "+ Add channel" (contacts/<pk>/channels/new/) and "make primary" (channels/<pk>/primary/)
# open a change request: the changes app serves them at these addresses.
urlpatterns = [
    path("", views.company_list, name="company_list"),
    path("new/", views.company_create, name="company_create"),
    path("<int:pk>/", views.company_detail, name="company_detail"),
    path("<int:pk>/edit/", views.company_edit, name="company_edit"),
    path("<int:pk>/claim/", views.company_claim, name="company_claim"),
    path("<int:pk>/release/", views.company_release, name="company_release"),
    path("<int:pk>/assign/", views.company_assign, name="company_assign"),
    path("<int:pk>/share/", views.company_share, name="company_share"),
    path("<int:pk>/delete/", views.company_delete, name="company_delete"),
    path("<int:pk>/merge/", views.company_merge, name="company_merge"),
    path("<int:pk>/domains/", views.domain_add, name="domain_add"),
    path("<int:pk>/domains/<int:domain_pk>/remove/", views.domain_remove, name="domain_remove"),
    path("<int:pk>/follow-ups/", views.follow_up_add, name="follow_up_add"),
    path("<int:pk>/contacts/new/", views.contact_create, name="contact_create"),
    path("contacts/<int:pk>/edit/", views.contact_edit, name="contact_edit"),
    path("channels/<int:pk>/retire/", views.channel_retire, name="channel_retire"),
    path("channels/<int:pk>/verify/", views.channel_verify, name="channel_verify"),
]
