from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = "แผนพัฒนาท้องถิ่น"
