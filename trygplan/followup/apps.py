from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "trygplan.followup"
