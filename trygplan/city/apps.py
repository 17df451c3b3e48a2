from django.apps import AppConfig


class CityConfig(AppConfig):
    name = "trygplan.city"
    verbose_name = "Sikker By"
