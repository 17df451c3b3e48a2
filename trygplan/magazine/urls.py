from django.urls import path

from . import views

app_name = "magazine"

urlpatterns = [
    path("", views.index, name="index"),
    path("stories/new/", views.story_create, name="story_create"),
    path("stories/<int:pk>/", views.story_edit, name="story_edit"),
    path("stories/<int:pk>/publish/", views.story_publish, name="story_publish"),
    path("photos/<int:pk>/", views.photo, name="photo"),
    path("issues/new/", views.issue_create, name="issue_create"),
    path("<int:year>/<int:number>/", views.issue_detail, name="issue"),
    path("<int:year>/<int:number>/edit/", views.issue_edit, name="issue_edit"),
    path("<int:year>/<int:number>/publish/", views.issue_publish, name="issue_publish"),
    path("<int:year>/<int:number>/pdf/", views.issue_download, name="issue_pdf"),
]
