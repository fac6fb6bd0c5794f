from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "orgs"
    verbose_name = "องค์กรและผู้ใช้"

    def ready(self):
        from orgs import audit

        audit.connect()
