from django.urls import path

from chengxin.documents import views

app_name = "documents"

urlpatterns = [
    path("orders/<int:order_pk>/new/", views.order_document_new, name="order_document_new"),
    path("quotes/<int:quote_pk>/new/", views.quote_document_new, name="quote_document_new"),
    path("<int:pk>/", views.document_detail, name="document_detail"),
    path("<int:pk>/page/", views.document_page, name="document_page"),
    path("<int:pk>/pdf/", views.document_pdf, name="document_pdf"),
    path("<int:pk>/language/", views.document_language, name="document_language"),
    path("<int:pk>/issue/", views.document_issue, name="document_issue"),
    path("<int:pk>/send/", views.document_send, name="document_send"),
    path("<int:pk>/discard/", views.document_discard, name="document_discard"),
]
