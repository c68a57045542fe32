from django.urls import path

from chengxin.campaigns import views

app_name = "campaigns"

urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("new/", views.plan_create, name="plan_create"),
    path("<int:pk>/", views.plan_detail, name="plan_detail"),
    path("<int:pk>/edit/", views.plan_edit, name="plan_edit"),
    path("<int:pk>/override/", views.plan_override, name="plan_override"),
    path("<int:pk>/launch/", views.plan_launch, name="plan_launch"),
    path("<int:pk>/cancel/", views.plan_cancel, name="plan_cancel"),
    path("<int:pk>/complete/", views.plan_complete, name="plan_complete"),
    path("recipients/<int:pk>/call/", views.recipient_call, name="recipient_call"),
    path("recipients/<int:pk>/perk/", views.recipient_perk, name="recipient_perk"),
]
