from django.urls import path

from chengxin.guard import views

app_name = "guard"

urlpatterns = [
    path("", views.alert_list, name="alert_list"),
    path("assessments/<int:pk>/propose-safe/", views.propose_safe, name="propose_safe"),
    path("assessments/<int:pk>/confirm-safe/", views.confirm_safe, name="confirm_safe"),
    path("assessments/<int:pk>/confirm-fraud/", views.confirm_fraud, name="confirm_fraud"),
    path("assessments/<int:pk>/warn-buyer/", views.warn_buyer, name="warn_buyer"),
]
