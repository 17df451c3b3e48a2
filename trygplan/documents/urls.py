from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("<int:year>/document.<str:fmt>", views.export, name="export"),
]
