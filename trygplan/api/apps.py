from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "trygplan.api"
    label = "trygplan_api"
    verbose_name = "API"
