from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "jobs"
    verbose_name = "งานเบื้องหลัง"

    def ready(self):
        from jobs import handlers  # noqa: F401  (registers the kinds of jobs)
