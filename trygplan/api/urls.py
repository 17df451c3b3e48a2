"""/api/: the REST API (v1, django-ninja), its documentation page and the token page."""

from django.urls import path

from . import views

app_name = "api_pages"

urlpatterns = [
    path("v1/docs/", views.docs, name="docs"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
]
