from django.urls import path

from . import body_views, user_views, views

app_name = "partnerships"

urlpatterns = [
    path("", views.home, name="home"),
    path("organisation/", views.organisation, name="organisation"),
    path("organisation/bodies/new/", body_views.body_create, name="body_create"),
    path("organisation/bodies/<int:pk>/", body_views.body_edit, name="body_edit"),
    path("organisation/bodies/<int:pk>/delete/", body_views.body_delete, name="body_delete"),
    path(
        "organisation/bodies/<int:body_pk>/members/new/",
        body_views.member_create,
        name="member_create",
    ),
    path("organisation/members/<int:pk>/", body_views.member_edit, name="member_edit"),
    path("organisation/members/<int:pk>/delete/", body_views.member_delete, name="member_delete"),
    path("organisation/users/", user_views.users, name="users"),
    path("organisation/users/invite/", user_views.user_invite, name="user_invite"),
    path("organisation/users/<int:pk>/", user_views.membership_edit, name="membership_edit"),
    path(
        "organisation/users/<int:pk>/remove/",
        user_views.membership_remove,
        name="membership_remove",
    ),
    path(
        "organisation/users/<int:pk>/resend/",
        user_views.invitation_resend,
        name="invitation_resend",
    ),
    path("area.geojson", views.area, name="area"),
]
