from django.apps import AppConfig


class ProvinceConfig(AppConfig):
    name = "province"
    verbose_name = "หน่วยติดตามและประเมินผลระดับจังหวัด"
