from django.urls import path

from . import views

app_name = "residents"

urlpatterns = [
    path("", views.moderation_list, name="moderation"),
    path("new/", views.report_create, name="report_create"),
    path("link/<str:token>/", views.report_status, name="status"),
    path("<int:pk>/", views.report_detail, name="report"),
    path("<int:pk>/photo/", views.report_photo, name="report_photo"),
    path("<int:pk>/accept/", views.report_accept, name="report_accept"),
    path("<int:pk>/merge/", views.report_merge, name="report_merge"),
    path("<int:pk>/reject/", views.report_reject, name="report_reject"),
]
