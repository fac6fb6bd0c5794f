"""The annual M&E report: the officer's narrative and the publication dates the law watches
(ข้อ 29–30: announce within 15 days of presenting to the council, post ≥ 30 days, once a year
within December)."""

from django.db import models

from orgs.models import Organization

INTRO = (
    "ระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2548 และที่แก้ไขเพิ่มเติม"
    " ข้อ 28 กำหนดให้ผู้บริหารท้องถิ่นแต่งตั้งคณะกรรมการติดตามและประเมินผลแผนพัฒนาท้องถิ่น และข้อ 29"
    " กำหนดให้คณะกรรมการมีอำนาจหน้าที่กำหนดแนวทาง วิธีการในการติดตามและประเมินผลแผนพัฒนา"
    " ดำเนินการติดตามและประเมินผล และรายงานผลและเสนอความเห็นต่อผู้บริหารท้องถิ่น"
    " เพื่อให้ผู้บริหารท้องถิ่นเสนอต่อสภาท้องถิ่นและคณะกรรมการพัฒนาท้องถิ่น"
    " พร้อมทั้งประกาศผลการติดตามและประเมินผลให้ประชาชนในท้องถิ่นทราบในที่เปิดเผยภายในสิบห้าวัน"
    " นับแต่วันที่ผู้บริหารท้องถิ่นเสนอผลการติดตามและประเมินผลดังกล่าว และต้องปิดประกาศไว้เป็นระยะเวลา"
    "ไม่น้อยกว่าสามสิบวัน โดยอย่างน้อยปีละหนึ่งครั้งภายในเดือนธันวาคมของทุกปี"
)
METHOD = (
    "คณะกรรมการใช้ตัวแบบการติดตามและประเมินผลของกรมส่งเสริมการปกครองท้องถิ่น 3 ขั้น คือ"
    " ปัจจัยนำเข้า (Input) ประเมินด้วยแบบที่ 1 แบบช่วยกำกับการจัดทำแผนยุทธศาสตร์ขององค์กรปกครองส่วนท้องถิ่นโดยตนเอง"
    " กระบวนการ (Process) ติดตามรายไตรมาสด้วยแบบที่ 2 แบบติดตามผลการดำเนินงาน และผลผลิต/ผลลัพธ์"
    " (Output/Goal)"
    " ประเมินด้วยแบบที่ 3/1 แบบประเมินผลการดำเนินงานตามแผนยุทธศาสตร์ แบบที่ 3/2 และ 3/3"
    " แบบประเมินความพึงพอใจ ร่วมกับการให้คะแนนยุทธศาสตร์และโครงการ และผลตามตัวชี้วัดของแต่ละยุทธศาสตร์"
)


class AnnualReportQuerySet(models.QuerySet):
    def published(self, on=None):
        """Reports announced on or before `on` (today): a date still to come publishes nothing."""
        from django.utils import timezone

        return self.filter(announced_on__isnull=False, announced_on__lte=on or timezone.localdate())


class AnnualReport(models.Model):
    org = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="annual_reports")
    fiscal_year = models.PositiveSmallIntegerField("ปีงบประมาณ")
    introduction = models.TextField("บทนำและอำนาจหน้าที่", default=INTRO)
    method = models.TextField("วิธีการติดตามและประเมินผล", default=METHOD)
    problems = models.TextField("ปัญหาและอุปสรรค", blank=True)
    recommendations = models.TextField("ข้อเสนอแนะ", blank=True)
    presented_on = models.DateField("วันที่ผู้บริหารเสนอต่อสภาท้องถิ่น", null=True, blank=True)
    announced_on = models.DateField("วันที่ประกาศผล", null=True, blank=True)
    posted_from = models.DateField("ปิดประกาศตั้งแต่", null=True, blank=True)
    posted_until = models.DateField("ปิดประกาศถึง", null=True, blank=True)
    pdf = models.FileField(upload_to="annual/", blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AnnualReportQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["org", "fiscal_year"], name="evaluation_annual_unique")
        ]

    @property
    def is_published(self) -> bool:
        from django.utils import timezone

        return self.announced_on is not None and self.announced_on <= timezone.localdate()
