from django.apps import AppConfig


class NotifyConfig(AppConfig):
    name = "notify"
    verbose_name = "งานของฉันและการแจ้งเตือน"

    def ready(self):
        from notify import handlers  # noqa: F401  (registers its kinds of background jobs)
