app_name = "walks"

urlpatterns: list = []
