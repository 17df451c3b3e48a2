from django.apps import AppConfig


class WalksConfig(AppConfig):
    name = "trygplan.walks"
