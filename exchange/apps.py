from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "exchange"
    verbose_name = "นำเข้า/ส่งออก Excel"

    def ready(self):
        from exchange import handlers  # noqa: F401  (registers its kinds of background jobs)
