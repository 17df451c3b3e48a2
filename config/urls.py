from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from trygplan.api.main import api
from trygplan.city import views as city_views
from trygplan.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("start/", core_views.start, name="start"),
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("trygplan.accounts.urls")),
    path(settings.TRYGPLAN_ADMIN_PATH, admin.site.urls),
    path("sikker-by/", include("trygplan.city.urls")),
    path("oversigt/", city_views.to_overview, name="oversigt"),
    path("p/", city_views.to_overview, name="partnerships_index"),
    path("p/<slug:slug>/", include("trygplan.partnerships.urls")),
    path("p/<slug:slug>/plans/", include("trygplan.plans.urls")),
    path("p/<slug:slug>/plans/", include("trygplan.documents.urls")),
    path("p/<slug:slug>/pools/", include("trygplan.pools.urls")),
    path("p/<slug:slug>/walks/", include("trygplan.walks.urls")),
    path("p/<slug:slug>/followup/", include("trygplan.followup.urls")),
    path("p/<slug:slug>/magazine/", include("trygplan.magazine.urls")),
    path("p/<slug:slug>/reporting/", include("trygplan.reporting.urls")),
    path("p/<slug:slug>/reports/", include("trygplan.residents.urls")),
    path("followup/", include("trygplan.followup.export_urls")),
    path("api/", include("trygplan.api.urls")),
    path("api/v1/", api.urls),
    path("open311/v2/", include("trygplan.residents.open311_urls")),
    path("", include("trygplan.surveys.urls")),
    path("", include("trygplan.notifications.urls")),
]

# Single sign-on, when its settings are given (config/settings/optional.py).
if settings.TRYGPLAN_OIDC_ENABLED:
    from trygplan.accounts import oidc

    urlpatterns += [
        path("oidc/authenticate/", oidc.OidcLoginView.as_view(), name="oidc_authentication_init"),
        path(
            "oidc/callback/", oidc.OidcCallbackView.as_view(), name="oidc_authentication_callback"
        ),
    ]
if settings.TRYGPLAN_SAML_ENABLED:
    urlpatterns.append(path("saml2/", include("djangosaml2.urls")))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
