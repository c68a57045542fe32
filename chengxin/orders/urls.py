from django.urls import path

from chengxin.orders import views

app_name = "orders"

urlpatterns = [
    path("", views.order_list, name="order_list"),
    path("new/", views.order_new, name="order_new"),
    path("<int:pk>/", views.order_detail, name="order_detail"),
    path("<int:pk>/terms/", views.order_terms, name="order_terms"),
    path("<int:pk>/payments/", views.order_payment, name="order_payment"),
    path("<int:pk>/costs/", views.order_cost, name="order_cost"),
    path("<int:pk>/lines/", views.order_lines, name="order_lines"),
    path("lines/row/", views.line_row, name="line_row"),
    path(
        "<int:pk>/payments/<int:payment_pk>/reverse/",
        views.order_payment_reverse,
        name="order_payment_reverse",
    ),
    path(
        "<int:pk>/payments/<int:payment_pk>/match/",
        views.order_payment_match,
        name="order_payment_match",
    ),
    path("<int:pk>/costs/<int:cost_pk>/", views.order_cost_edit, name="order_cost_edit"),
    path("<int:pk>/costs/<int:cost_pk>/remove/", views.order_cost_remove, name="order_cost_remove"),
    path("<int:pk>/step/<str:step>/", views.order_step, name="order_step"),
    path("quotes/", views.quote_list, name="quote_list"),
    path("quotes/new/", views.quote_new, name="quote_new"),
    path("quotes/<int:pk>/", views.quote_detail, name="quote_detail"),
    path("quotes/<int:pk>/edit/", views.quote_edit, name="quote_edit"),
    path("quotes/<int:pk>/send/", views.quote_send, name="quote_send"),
    path("quotes/<int:pk>/accept/", views.quote_accept, name="quote_accept"),
    path("quotes/<int:pk>/decline/", views.quote_decline, name="quote_decline"),
    path("balance/<int:company_pk>/", views.buyer_balance, name="buyer_balance"),
    path("payment-methods/", views.payment_method_list, name="payment_method_list"),
    path("payment-methods/new/", views.payment_method_edit, name="payment_method_new"),
    path("payment-methods/<int:pk>/", views.payment_method_edit, name="payment_method_edit"),
]
