from django.urls import path

from chengxin.todos import views

app_name = "todos"

urlpatterns = [
    path("", views.todo_list, name="todo_list"),
    path("<int:pk>/complete/", views.todo_complete, name="todo_complete"),
]
