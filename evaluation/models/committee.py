"""คณะกรรมการติดตามและประเมินผลแผนพัฒนาท้องถิ่น (ข้อ 28): appointed per term, with seats."""

from django.conf import settings
from django.db import models

from orgs.models import Organization


class Seat(models.TextChoices):
    COUNCIL = "council", "สมาชิกสภาท้องถิ่นที่สภาท้องถิ่นคัดเลือก"
    FORUM = "forum", "ผู้แทนประชาคมท้องถิ่นที่ประชาคมท้องถิ่นคัดเลือก"
    AGENCY = "agency", "ผู้แทนหน่วยงานที่เกี่ยวข้องที่ผู้บริหารท้องถิ่นคัดเลือก"
    ADMIN = "admin", "หัวหน้าส่วนการบริหารที่คัดเลือกกันเอง"
    EXPERT = "expert", "ผู้ทรงคุณวุฒิที่ผู้บริหารท้องถิ่นคัดเลือก"


SELECTED_BY: dict[str, str] = {
    Seat.COUNCIL: "สภาท้องถิ่น",
    Seat.FORUM: "ประชาคมท้องถิ่น",
    Seat.AGENCY: "ผู้บริหารท้องถิ่น",
    Seat.ADMIN: "หัวหน้าส่วนการบริหาร",
    Seat.EXPERT: "ผู้บริหารท้องถิ่น",
}
SEATS_2548 = {Seat.COUNCIL: 3, Seat.FORUM: 2, Seat.AGENCY: 2, Seat.ADMIN: 2, Seat.EXPERT: 2}


class MemberRole(models.TextChoices):
    CHAIR = "chair", "ประธานกรรมการ"
    MEMBER = "member", "กรรมการ"
    SECRETARY = "secretary", "กรรมการและเลขานุการ"


class Committee(models.Model):
    org = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="committees")
    order_no = models.CharField("คำสั่งแต่งตั้งที่", max_length=100, blank=True)
    appointed_on = models.DateField("วันที่แต่งตั้ง")
    term_start = models.DateField("เริ่มวาระ")
    term_end = models.DateField("สิ้นสุดวาระ")

    class Meta:
        ordering = ["-term_start"]

    @property
    def term_ended(self) -> bool:
        """The term is over: its members no longer sit (a new committee must be appointed)."""
        from django.utils import timezone

        return self.term_end < timezone.localdate()


class CommitteeMember(models.Model):
    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="committee_seats",
    )
    name = models.CharField("ชื่อ-สกุล", max_length=200)
    position = models.CharField("ตำแหน่ง/สังกัด", max_length=200, blank=True)
    seat = models.CharField("ประเภทกรรมการ", max_length=16, choices=Seat.choices)
    selected_by = models.CharField("ผู้คัดเลือก", max_length=100)
    role = models.CharField("หน้าที่", max_length=16, choices=MemberRole.choices)
    start = models.DateField("เริ่ม")
    end = models.DateField("สิ้นสุด")

    class Meta:
        ordering = ["committee", "role", "id"]


class Meeting(models.Model):
    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField("วันที่ประชุม")
    title = models.CharField("เรื่อง", max_length=300)
    fiscal_year = models.PositiveSmallIntegerField("ปีงบประมาณที่พิจารณา", null=True, blank=True)
    minutes = models.TextField("บันทึกการประชุม", blank=True)

    class Meta:
        ordering = ["-held_on"]
