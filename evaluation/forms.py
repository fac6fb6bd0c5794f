import hashlib
import secrets

from django import forms
from django.core import signing

from evaluation.models import (
    SCALE_CHOICES,
    AgeBand,
    Education,
    MemberRole,
    Occupation,
    Scale,
    Seat,
    Sex,
    SurveyTemplate,
)
from thai.forms import ThaiDateField

MIN_SECONDS, MAX_SECONDS = 5, 6 * 3600  # a person takes a few seconds; a stale page is refused
SALT = "evaluation.survey-form"


class SurveyForm(forms.Form):
    """The questionnaire: profile, then one radio row per item (per strategy for แบบที่ 3/3).

    Guards against scripted spam: a hidden field people leave empty (the honeypot), and a signed
    random id with the time the page was shown (too fast or too old is refused, and each shown
    form is accepted once).
    """

    sex = forms.ChoiceField(label="เพศ", choices=Sex.choices, widget=forms.RadioSelect)
    age_band = forms.ChoiceField(label="อายุ", choices=AgeBand.choices, widget=forms.RadioSelect)
    education = forms.ChoiceField(
        label="การศึกษา", choices=Education.choices, widget=forms.RadioSelect
    )
    occupation = forms.ChoiceField(
        label="อาชีพหลัก", choices=Occupation.choices, widget=forms.RadioSelect
    )
    website = forms.CharField(required=False, label="เว็บไซต์ (ไม่ต้องกรอก)")
    shown = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, survey, strategies, check_time=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.check_time = check_time
        # A random id per shown form: the signed value is accepted once (see form_token)
        self.initial.setdefault("shown", signing.dumps(secrets.token_hex(16), salt=SALT))
        choices = [(str(v), label) for v, label in SCALE_CHOICES[Scale(survey.template.scale)]]
        self.questions = []  # (strategy or None, [(item, bound field)])
        for strategy in strategies or [None]:
            rows = []
            for item in survey.template.items.all():
                name = f"q_{item.pk}_{strategy.pk if strategy else 0}"
                self.fields[name] = forms.TypedChoiceField(
                    label=f"{item.number}. {item.text}",
                    choices=choices,
                    coerce=int,
                    widget=forms.RadioSelect,
                    error_messages={"required": "กรุณาตอบข้อนี้"},
                )
                rows.append((item, self[name]))
            self.questions.append((strategy, rows))

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError("ไม่สามารถรับคำตอบนี้ได้")
        return ""

    def clean_shown(self):
        if not self.check_time:
            return self.cleaned_data["shown"]
        try:
            signing.loads(self.cleaned_data["shown"], salt=SALT, max_age=MAX_SECONDS)
            age = signing.loads(self.cleaned_data["shown"], salt=SALT, max_age=MIN_SECONDS)
        except signing.SignatureExpired:
            age = None
        except signing.BadSignature:
            raise forms.ValidationError("แบบฟอร์มไม่ถูกต้อง กรุณาเปิดหน้าใหม่") from None
        if age is not None:  # still younger than MIN_SECONDS: faster than a person reads
            raise forms.ValidationError("ส่งเร็วเกินไป กรุณาตรวจคำตอบแล้วส่งอีกครั้ง")
        return self.cleaned_data["shown"]

    def form_token(self) -> str:
        """Stands for this one shown form; a second answer with it is a replay."""
        return hashlib.sha256(self.cleaned_data["shown"].encode()).hexdigest()

    def answers(self) -> dict[tuple[int, int | None], int]:
        out = {}
        for name, value in self.cleaned_data.items():
            if name.startswith("q_"):
                _, item, strategy = name.split("_")
                out[(int(item), int(strategy) or None)] = value
        return out

    def profile(self) -> dict:
        return {k: self.cleaned_data[k] for k in ("sex", "age_band", "education", "occupation")}


class SurveyCreateForm(forms.Form):
    template = forms.ModelChoiceField(label="แบบสอบถาม", queryset=SurveyTemplate.objects.all())
    fiscal_year = forms.IntegerField(label="ปีงบประมาณ (พ.ศ.)", min_value=2540, max_value=2700)
    title = forms.CharField(label="ชื่อการสำรวจ", max_length=300)


class CommitteeForm(forms.Form):
    order_no = forms.CharField(label="คำสั่งที่", required=False, max_length=100)
    appointed_on = ThaiDateField(label="วันที่แต่งตั้ง")
    term_start = ThaiDateField(label="เริ่มวาระ (วาระ 2 ปี)")


class MemberForm(forms.Form):
    name = forms.CharField(label="ชื่อ-สกุล", max_length=200)
    position = forms.CharField(label="ตำแหน่ง/สังกัด", max_length=200, required=False)
    seat = forms.ChoiceField(label="ประเภทกรรมการ", choices=Seat.choices)
    role = forms.ChoiceField(label="หน้าที่", choices=MemberRole.choices, initial=MemberRole.MEMBER)


class MeetingForm(forms.Form):
    held_on = ThaiDateField(label="วันที่ประชุม")
    title = forms.CharField(label="เรื่อง", max_length=300)
    fiscal_year = forms.IntegerField(
        label="ปีงบประมาณที่พิจารณา", required=False, min_value=2540, max_value=2700
    )
    minutes = forms.CharField(
        label="บันทึกการประชุม", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class AnnualReportForm(forms.Form):
    introduction = forms.CharField(
        label="บทนำและอำนาจหน้าที่", widget=forms.Textarea(attrs={"rows": 6})
    )
    method = forms.CharField(
        label="วิธีการติดตามและประเมินผล", widget=forms.Textarea(attrs={"rows": 5})
    )
    problems = forms.CharField(
        label="ปัญหาและอุปสรรค", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    recommendations = forms.CharField(
        label="ข้อเสนอแนะ", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    presented_on = ThaiDateField(label="วันที่ผู้บริหารเสนอต่อสภาท้องถิ่น", required=False)
    announced_on = ThaiDateField(label="วันที่ประกาศผล", required=False)
    posted_from = ThaiDateField(label="ปิดประกาศตั้งแต่", required=False)
    posted_until = ThaiDateField(label="ปิดประกาศถึง", required=False)
