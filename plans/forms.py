from django import forms
from django.db.models import Q

from orgs.models import Division
from plans.models import (
    EditionKind,
    Goal,
    LinkageTarget,
    OrdinanceKind,
    Program,
    ProjectForm,
    Strategy,
    Tactic,
)
from thai.dates import fiscal_month_labels
from thai.forms import ThaiAmountField, ThaiDateField


class ParentFilteredSelect(forms.Select):
    """A <select> whose options carry data-parent (e.g. a กลยุทธ์'s ยุทธศาสตร์): static/js/ui.js
    shows only the options of the parent chosen in the select named by data-filter-by."""

    def __init__(self, *args, parents=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.parents = parents or {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        key = getattr(value, "value", value)
        if key in self.parents:
            option["attrs"]["data-parent"] = str(self.parents[key])
        return option


class ProjectEditForm(forms.Form):
    strategy = forms.ModelChoiceField(
        queryset=Strategy.objects.none(), label="ยุทธศาสตร์", empty_label="— เลือกยุทธศาสตร์ —"
    )
    tactic = forms.ModelChoiceField(
        queryset=Tactic.objects.none(),
        label="กลยุทธ์/แนวทางการพัฒนา",
        required=False,
        empty_label="— ไม่ระบุกลยุทธ์ —",
    )
    division = forms.ModelChoiceField(
        queryset=Division.objects.none(),
        label="หน่วยงานรับผิดชอบ (กอง/สำนัก)",
        required=False,
        empty_label="— เลือกกอง/สำนัก —",
        help_text="หัวหน้าส่วนราชการของกองที่เลือกแก้ไขโครงการนี้และบันทึกผลรายเดือนได้",
    )
    program = forms.ModelChoiceField(queryset=Program.objects.all(), label="แผนงาน")
    name = forms.CharField(label="โครงการ", max_length=500)
    objective = forms.CharField(label="วัตถุประสงค์", widget=forms.Textarea, required=False)
    target = forms.CharField(
        label="เป้าหมาย (ผลผลิตของโครงการ)", widget=forms.Textarea, required=False
    )
    kpi = forms.CharField(label="ตัวชี้วัด (KPI)", required=False)
    expected_result = forms.CharField(label="ผลที่คาดว่าจะได้รับ", widget=forms.Textarea, required=False)
    responsible_unit = forms.CharField(
        label="หน่วยงานรับผิดชอบหลัก (ชื่อที่พิมพ์ในเอกสาร)",
        max_length=200,
        required=False,
        help_text="เว้นว่างได้: ใช้ชื่อกอง/สำนักที่เลือก",
    )
    form = forms.ChoiceField(label="แบบ", choices=ProjectForm.choices)
    location = forms.CharField(label="สถานที่ (หมู่ที่/ชุมชน)", required=False)
    revision = forms.IntegerField(
        widget=forms.HiddenInput,
        required=False,
        error_messages={"required": "แบบฟอร์มนี้เก่าแล้ว โปรดเปิดหน้าใหม่"},
    )

    def clean_revision(self):
        # a form that edits a project always says which revision it showed; a blank one is stale
        value = self.cleaned_data.get("revision")
        if value is None and self.initial.get("revision") is not None:
            self.add_error(None, "แบบฟอร์มนี้เก่าแล้ว โปรดเปิดหน้าใหม่เพื่อดูข้อมูลล่าสุด")
        return value

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["strategy"].queryset = Strategy.objects.filter(plan=plan)
        tactics = Tactic.objects.filter(strategy__plan=plan).select_related("strategy")
        self.fields["tactic"].queryset = tactics
        self.fields["tactic"].widget = ParentFilteredSelect(
            attrs={"data-filter-by": "id_strategy"},
            parents={t.pk: t.strategy_id for t in tactics},
        )
        self.fields["tactic"].widget.choices = self.fields["tactic"].choices
        self.fields["division"].queryset = Division.objects.filter(org_id=plan.org_id)
        for year in plan.years:
            self.fields[f"budget_{year}"] = ThaiAmountField(
                label=f"งบประมาณ {year} (บาท)", required=False
            )

    def clean(self):
        """Every mistake in one round: the form's own checks and the plan's rules together."""
        data = super().clean()
        strategy, tactic = data.get("strategy"), data.get("tactic")
        if strategy and tactic and tactic.strategy_id != strategy.pk:
            self.add_error("tactic", f"กลยุทธ์ “{tactic}” ไม่อยู่ภายใต้ยุทธศาสตร์ที่ {strategy.number}")
        if "name" in data and not data["name"].strip():
            self.add_error("name", "ต้องระบุชื่อโครงการ")
        return data

    def budget_fields(self):
        return [self[f"budget_{y}"] for y in self.plan.years]


NUMBERED_KINDS = (EditionKind.ADDITION, EditionKind.CHANGE)


class EditionCreateForm(forms.Form):
    kind = forms.ChoiceField(label="ประเภท", choices=EditionKind.choices)
    number = forms.IntegerField(label="ครั้งที่", min_value=1, required=False)
    year = forms.IntegerField(label="ปี พ.ศ.", min_value=2540, max_value=2700, required=False)
    note = forms.CharField(label="หมายเหตุ", required=False)

    def __init__(self, *args, has_editions: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        if has_editions:  # a plan has one ฉบับเดิม; what follows amends it
            kind.choices = [c for c in EditionKind.choices if c[0] != EditionKind.ORIGINAL]
            self.fields["kind"].initial = EditionKind.ADDITION
        else:
            self.fields["kind"].initial = EditionKind.ORIGINAL

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind in NUMBERED_KINDS:
            label = EditionKind(kind).label
            if not data.get("number"):
                self.add_error("number", f"ฉบับ{label}ต้องระบุครั้งที่ (เช่น 1)")
            if not data.get("year"):
                self.add_error("year", f"ฉบับ{label}ต้องระบุปี พ.ศ. (เช่น 2568)")
        return data


class EditionApproveForm(forms.Form):
    approver = forms.CharField(
        label="ผู้อนุมัติ",
        max_length=200,
        error_messages={"required": "กรอกชื่อผู้อนุมัติ (ผู้บริหารท้องถิ่น)"},
    )
    meeting_on = ThaiDateField(label="วันที่ประชุมพิจารณา", required=False)
    approved_on = ThaiDateField(label="วันที่อนุมัติ", error_messages={"required": "กรอกวันที่อนุมัติ"})
    announced_on = ThaiDateField(
        label="วันที่ประกาศใช้", error_messages={"required": "กรอกวันที่ประกาศใช้"}
    )

    def clean(self):
        data = super().clean()
        meeting, approved, announced = (
            data.get("meeting_on"),
            data.get("approved_on"),
            data.get("announced_on"),
        )
        if meeting and approved and meeting > approved:
            self.add_error("meeting_on", "วันที่ประชุมพิจารณาต้องไม่หลังวันที่อนุมัติ")
        if approved and announced and announced < approved:
            self.add_error("announced_on", "วันที่ประกาศใช้ต้องไม่ก่อนวันที่อนุมัติ")
        return data


class OrdinanceForm(forms.Form):
    fiscal_year = forms.IntegerField(label="ปีงบประมาณ (พ.ศ.)", min_value=2540, max_value=2700)
    kind = forms.ChoiceField(label="ประเภท", choices=OrdinanceKind.choices)
    number = forms.IntegerField(label="ฉบับที่", min_value=1, initial=1)
    council_approved_on = ThaiDateField(label="สภาเห็นชอบเมื่อ", required=False)
    promulgated_on = ThaiDateField(label="ประกาศใช้เมื่อ", required=False)


class BudgetLineForm(forms.Form):
    """A line of the budget document: its แหล่งเงิน follows from the document (ข้อบัญญัติ/เทศบัญญัติ
    รายจ่ายประจำปี, ฉบับเพิ่มเติม, จ่ายขาดเงินสะสม, เงินอุดหนุนเฉพาะกิจ), so it is not asked again."""

    ordinance = forms.IntegerField(widget=forms.HiddenInput)
    project = forms.TypedChoiceField(label="โครงการในแผน", coerce=int, choices=[])
    amount = ThaiAmountField(label="งบประมาณ (บาท)")
    item = forms.CharField(label="รายการ", required=False)

    def __init__(self, *args, project_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].choices = [("", "— เลือกโครงการ —"), *project_choices]


class BudgetLineEditForm(forms.Form):
    amount = ThaiAmountField(label="งบประมาณ (บาท)")
    item = forms.CharField(label="รายการ", required=False, max_length=300)


class ActionPlanForm(forms.Form):
    fiscal_year = forms.IntegerField(label="ปีงบประมาณ (พ.ศ.)", min_value=2540, max_value=2700)
    amendment = forms.IntegerField(label="แก้ไขครั้งที่ (0 = ฉบับแรก)", min_value=0, initial=0)
    approved_on = ThaiDateField(label="วันที่อนุมัติ", required=False)
    announced_on = ThaiDateField(label="วันที่ประกาศ", required=False)


class ActionItemForm(forms.Form):
    budget_line = forms.TypedChoiceField(
        label="รายการงบประมาณ (โครงการในแผน)",
        coerce=int,
        choices=[],
        required=False,
        empty_value=None,
    )
    other_agency = forms.CharField(label="หรือ หน่วยงานอื่นที่ดำเนินการในพื้นที่", required=False)
    name = forms.CharField(label="ชื่อโครงการ (ของหน่วยงานอื่น)", required=False, max_length=500)
    amount = ThaiAmountField(label="งบประมาณ (บาท)", required=False)
    activity = forms.CharField(
        label="รายละเอียดของกิจกรรม", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    place = forms.CharField(label="สถานที่ดำเนินการ", required=False)
    responsible_unit = forms.CharField(label="หน่วยงานรับผิดชอบหลัก", required=False)
    months = forms.TypedMultipleChoiceField(
        label="เดือนที่ดำเนินการ", coerce=int, widget=forms.CheckboxSelectMultiple, choices=[]
    )

    def __init__(self, *args, line_choices=(), fiscal_year, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["budget_line"].choices = [("", "— ไม่ใช่โครงการในแผนของเรา —"), *line_choices]
        self.fields["months"].choices = [
            (i, f"{m} {str(y)[-2:]}")
            for i, (m, y) in enumerate(fiscal_month_labels(fiscal_year), 1)
        ]

    def clean(self):
        cd = super().clean()
        if not cd.get("budget_line") and not (cd.get("other_agency") or "").strip():
            raise forms.ValidationError("เลือกรายการงบประมาณ หรือระบุหน่วยงานอื่นที่ดำเนินการ")
        if not cd.get("budget_line") and not (cd.get("name") or "").strip():
            self.add_error("name", "ระบุชื่อโครงการของหน่วยงานอื่น")
        return cd


class TextForm(forms.Form):
    text = forms.CharField(label="ข้อความ", widget=forms.Textarea(attrs={"rows": 2}))


class VisionForm(forms.Form):
    vision = forms.CharField(label="วิสัยทัศน์", widget=forms.Textarea(attrs={"rows": 2}))


class NameForm(forms.Form):
    name = forms.CharField(label="ชื่อ", max_length=300)


class StrategyForm(forms.Form):
    name = forms.CharField(label="ชื่อยุทธศาสตร์", max_length=300)
    linkages = forms.ModelMultipleChoiceField(
        label="ความเชื่อมโยง", queryset=LinkageTarget.objects.none(), required=False
    )

    def __init__(self, *args, province, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["linkages"].queryset = LinkageTarget.objects.filter(
            Q(province__isnull=True) | Q(province=province)
        )


class KPIForm(forms.Form):
    name = forms.CharField(label="ตัวชี้วัด", max_length=300)
    unit = forms.CharField(label="หน่วยนับ", max_length=50, required=False)
    goal = forms.ModelChoiceField(label="เป้าประสงค์", queryset=Goal.objects.none(), required=False)

    def __init__(self, *args, strategy, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = Goal.objects.filter(strategy=strategy)
        self.years = strategy.plan.years
        for year in self.years:
            self.fields[f"target_{year}"] = ThaiAmountField(label=f"เป้าหมาย {year}", required=False)

    def targets(self) -> dict:
        return {y: self.cleaned_data.get(f"target_{y}") for y in self.years}
