app_name = "pools"

urlpatterns: list = []
