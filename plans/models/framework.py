"""Vision → missions → strategies → goals/KPIs → tactics, plus reference lists (data, editable)."""

from django.db import models

from orgs.models import Organization, Province


class Program(models.Model):
    """แผนงาน: the 12 standard budget programs (loaded as data, editable)."""

    code = models.CharField(max_length=10, unique=True)
    name = models.CharField("แผนงาน", max_length=200, unique=True)
    area = models.CharField("ด้าน", max_length=100)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name


class LinkageLevel(models.TextChoices):
    NATIONAL_STRATEGY = "national", "ยุทธศาสตร์ชาติ 20 ปี"
    NESDP = "nesdp", "แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ ฉบับที่ 13"
    SDG = "sdg", "เป้าหมายการพัฒนาที่ยั่งยืน (SDGs)"
    PROVINCE = "province", "ยุทธศาสตร์จังหวัด"
    LAO_IN_PROVINCE = "lao_province", "ยุทธศาสตร์การพัฒนาขององค์กรปกครองส่วนท้องถิ่นในเขตจังหวัด"


class LinkageTarget(models.Model):
    level = models.CharField(max_length=16, choices=LinkageLevel.choices)
    code = models.CharField(max_length=20)
    name = models.CharField(max_length=300)
    province = models.ForeignKey(Province, null=True, blank=True, on_delete=models.CASCADE)

    class Meta:
        ordering = ["level", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["level", "code", "province"],
                name="plans_linkage_unique_code",
                nulls_distinct=False,
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Plan(models.Model):
    """แผนพัฒนาท้องถิ่น (five years, e.g. พ.ศ. 2566–2570) of one organization."""

    org = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="plans")
    title = models.CharField("ชื่อแผน", max_length=300)
    start_year = models.PositiveSmallIntegerField("ปีเริ่มต้น (พ.ศ.)")
    end_year = models.PositiveSmallIntegerField("ปีสิ้นสุด (พ.ศ.)")
    vision = models.TextField("วิสัยทัศน์", blank=True)

    class Meta:
        ordering = ["-start_year"]
        constraints = [
            models.UniqueConstraint(fields=["org", "start_year"], name="plans_plan_unique_period"),
            models.CheckConstraint(
                condition=models.Q(end_year__gte=models.F("start_year")),
                name="plans_plan_start_before_end",
            ),
            models.CheckConstraint(
                condition=models.Q(start_year__gte=2540, end_year__lte=2700),
                name="plans_plan_years_in_range",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def years(self) -> list[int]:
        return list(range(self.start_year, self.end_year + 1))


class Mission(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="missions")
    number = models.PositiveSmallIntegerField()
    text = models.TextField("พันธกิจ")

    class Meta:
        ordering = ["number"]


class Strategy(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="strategies")
    number = models.PositiveSmallIntegerField("ที่")
    name = models.CharField("ยุทธศาสตร์", max_length=300)
    linkages = models.ManyToManyField(LinkageTarget, blank=True, related_name="strategies")

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plans_strategy_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class Goal(models.Model):
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="goals")
    number = models.PositiveSmallIntegerField()
    text = models.TextField("เป้าประสงค์")

    class Meta:
        ordering = ["number"]


class KPI(models.Model):
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="kpis")
    goal = models.ForeignKey(Goal, null=True, blank=True, on_delete=models.SET_NULL)
    number = models.PositiveSmallIntegerField()
    name = models.CharField("ตัวชี้วัด", max_length=300)
    unit = models.CharField("หน่วยนับ", max_length=50, blank=True)

    class Meta:
        ordering = ["number"]

    def stale_content(self) -> list:
        """The targets the KPI form shows too (orgs.stale; prefetched on pages)."""
        return sorted((t.year, t.value) for t in self.targets.all()) if self.pk else []


class KPITarget(models.Model):
    kpi = models.ForeignKey(KPI, on_delete=models.CASCADE, related_name="targets")
    year = models.PositiveSmallIntegerField("ปี (พ.ศ.)")
    value = models.DecimalField("ค่าเป้าหมาย", max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["year"]
        constraints = [
            models.UniqueConstraint(fields=["kpi", "year"], name="plans_kpitarget_unique_year")
        ]


class Tactic(models.Model):
    """กลยุทธ์ / แนวทางการพัฒนา under a strategy."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="tactics")
    number = models.PositiveSmallIntegerField("ที่")
    name = models.CharField("กลยุทธ์/แนวทางการพัฒนา", max_length=300)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["strategy", "number"], name="plans_tactic_unique_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.strategy.number}.{self.number} {self.name}"
