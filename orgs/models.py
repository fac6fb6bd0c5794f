from django.conf import settings
from django.db import models


class OrgType(models.TextChoices):
    PAO = "pao", "องค์การบริหารส่วนจังหวัด"
    CITY = "city", "เทศบาลนคร"
    TOWN = "town", "เทศบาลเมือง"
    SUBDISTRICT = "subdistrict", "เทศบาลตำบล"
    SAO = "sao", "องค์การบริหารส่วนตำบล"
    SPECIAL = "special", "องค์กรปกครองส่วนท้องถิ่นรูปแบบพิเศษ"


ORG_TYPE_SHORT = {
    OrgType.PAO: "อบจ.",
    OrgType.CITY: "ทน.",
    OrgType.TOWN: "ทม.",
    OrgType.SUBDISTRICT: "ทต.",
    OrgType.SAO: "อบต.",
    OrgType.SPECIAL: "พิเศษ",
}


class Province(models.Model):
    code = models.CharField(max_length=8, unique=True)
    name = models.CharField("จังหวัด", max_length=100)

    def __str__(self) -> str:
        return f"จังหวัด{self.name}"


class District(models.Model):
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="districts")
    name = models.CharField("อำเภอ", max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["province", "name"], name="orgs_district_unique_name")
        ]

    def __str__(self) -> str:
        return f"อำเภอ{self.name}"


class Organization(models.Model):
    code = models.CharField("รหัส อปท.", max_length=16, unique=True)
    name = models.CharField("ชื่อ", max_length=200)
    org_type = models.CharField("ประเภท", max_length=16, choices=OrgType.choices)
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="orgs")
    district = models.ForeignKey(District, null=True, blank=True, on_delete=models.PROTECT)

    class Meta:
        ordering = ["code"]
        indexes = [models.Index(fields=["province", "org_type"], name="orgs_org_prov_type_idx")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_provincial_unit(self) -> bool:
        """The อบจ. is the M&E unit of its province (seed 002)."""
        return self.org_type == OrgType.PAO

    @property
    def type_short(self) -> str:
        return ORG_TYPE_SHORT[OrgType(self.org_type)]

    @property
    def ordinance_name(self) -> str:
        """เทศบาล budgets are เทศบัญญัติ; อบจ./อบต. budgets are ข้อบัญญัติ."""
        municipal = self.org_type in (OrgType.CITY, OrgType.TOWN, OrgType.SUBDISTRICT)
        return "เทศบัญญัติ" if municipal else "ข้อบัญญัติ"


class OrgTypeChange(models.Model):
    """History of upgrades (อบต. → เทศบาลตำบล → เทศบาลเมือง); the org row holds the current type."""

    org = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="type_changes")
    old_type = models.CharField(max_length=16, choices=OrgType.choices)
    new_type = models.CharField(max_length=16, choices=OrgType.choices)
    effective_on = models.DateField("มีผลตั้งแต่")
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["effective_on"]


class Division(models.Model):
    """สำนัก/กอง: the responsible unit of projects; division heads edit their own projects."""

    org = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="divisions")
    name = models.CharField("หน่วยงาน", max_length=200)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["org", "name"], name="orgs_division_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    OFFICER = "officer", "นักวิเคราะห์นโยบายและแผน"
    DIVISION_HEAD = "division_head", "หัวหน้าส่วนราชการ"
    COMMITTEE = "committee", "กรรมการติดตามและประเมินผล"
    EXECUTIVE = "executive", "ผู้บริหารท้องถิ่น"
    ANALYST = "analyst", "เจ้าหน้าที่วิเคราะห์ระดับจังหวัด"
    ADMIN = "admin", "ผู้ดูแลระบบ"


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    org = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=16, choices=Role.choices)
    division = models.ForeignKey(Division, null=True, blank=True, on_delete=models.PROTECT)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "org", "role"], name="orgs_membership_unique"),
            models.CheckConstraint(
                condition=~models.Q(role="division_head") | models.Q(division__isnull=False),
                name="orgs_membership_division_head_has_division",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} {self.org}"


class LoginAttempt(models.Model):
    """Every login try, for lockout and for the security log. The address is a keyed hash."""

    username = models.CharField(max_length=150, db_index=True)
    client = models.CharField(max_length=64, db_index=True)
    success = models.BooleanField()
    at = models.DateTimeField(auto_now_add=True, db_index=True)


class ApiToken(models.Model):
    """A bearer token for the JSON API; it acts as its user (same roles, same orgs).
    Only a hash is stored; the token itself is shown once when it is made."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField("ชื่อ/ใช้กับระบบใด", max_length=100)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked = models.BooleanField(default=False)


class AuditAction(models.TextChoices):
    CREATE = "create", "เพิ่ม"
    UPDATE = "update", "แก้ไข"
    DELETE = "delete", "ลบ"


class AuditEntry(models.Model):
    """One write to tenant data: who, when, what, and the old and new values of each changed field.
    Written by orgs.audit in the same transaction as the write itself, so neither exists alone."""

    org = models.ForeignKey(
        Organization, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor = models.CharField("ผู้ดำเนินการ", max_length=200)
    address = models.CharField(max_length=45, blank=True)
    at = models.DateTimeField("เวลา", auto_now_add=True)
    action = models.CharField("การกระทำ", max_length=6, choices=AuditAction.choices)
    model = models.CharField(max_length=60)
    object_id = models.CharField(max_length=40)
    label = models.CharField("รายการ", max_length=300)
    changes = models.JSONField(default=dict)

    class Meta:
        indexes = [
            models.Index(fields=["org", "-at"]),
            models.Index(fields=["model", "object_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.label}"
