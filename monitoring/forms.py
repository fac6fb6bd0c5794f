from django import forms

from monitoring.models import Procurement, Status
from plans.models import Approver, TransferKind
from thai.forms import ThaiAmountField, ThaiDateField

# What the inline row of the monthly page posts; the rest is kept as it was.
ROW_FIELDS = (
    "status",
    "progress",
    "disbursed",
    "procurement",
    "contract_signed_on",
    "contract_amount",
)


class ProgressForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    status = forms.ChoiceField(label="สถานะ", choices=Status.choices)
    progress = forms.IntegerField(label="ความก้าวหน้า (%)", min_value=0, max_value=100)
    disbursed = ThaiAmountField(label="เบิกจ่ายเดือนนี้ (บาท)", required=False)
    note = forms.CharField(label="หมายเหตุ", required=False, max_length=500)
    procurement = forms.ChoiceField(
        label="วิธีจัดซื้อจัดจ้าง", choices=[("", "—"), *Procurement.choices], required=False
    )
    contract_no = forms.CharField(label="เลขที่สัญญา/ใบสั่ง", required=False, max_length=100)
    contract_signed_on = ThaiDateField(label="วันที่ลงนามสัญญา", required=False)
    contract_amount = ThaiAmountField(label="จำนวนเงินตามสัญญา (บาท)", required=False)
    carried_over = ThaiAmountField(label="กันเงินไว้เบิกเหลื่อมปี (บาท)", required=False)
    problems = forms.CharField(
        label="ปัญหาและอุปสรรค", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class EvidenceForm(forms.Form):
    file = forms.FileField(label="ไฟล์หลักฐาน (ภาพถ่าย JPG/PNG หรือ PDF ไม่เกิน 10 MB)")
    caption = forms.CharField(label="คำอธิบาย", required=False, max_length=300)


class TransferForm(forms.Form):
    kind = forms.ChoiceField(label="ประเภท", choices=TransferKind.choices)
    amount = ThaiAmountField(label="จำนวนเงิน (บาท)", required=False)
    investment = forms.BooleanField(label="งบลงทุน", required=False)
    changes_nature = forms.BooleanField(label="เปลี่ยนแปลงลักษณะ ปริมาณ คุณภาพ หรือสถานที่", required=False)
    approver = forms.ChoiceField(label="ผู้อนุมัติ", choices=Approver.choices)
    approved_on = ThaiDateField(label="วันที่อนุมัติ")
    reference = forms.CharField(label="เลขที่/ครั้งที่ประชุม", required=False, max_length=200)
    reason = forms.CharField(
        label="เหตุผล", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean_amount(self):
        return self.cleaned_data["amount"] or 0
