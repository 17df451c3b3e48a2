from django.apps import AppConfig


class ResidentsConfig(AppConfig):
    name = "trygplan.residents"
    verbose_name = "Beboernes meldinger"
