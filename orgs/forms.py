"""Forms of the org's own pages (details, divisions, people) and of the operator's set-up."""

from django import forms

from orgs.models import Division, Organization, OrgType, Role

ORG_ROLES = [(r.value, r.label) for r in Role if r not in (Role.ANALYST,)]
IMAGE_TYPES = "image/png,image/jpeg"


class ProvinceSetupForm(forms.Form):
    province_code = forms.ChoiceField(label="จังหวัด")
    pao_code = forms.CharField(label="รหัส อปท. ของ อบจ. (7 หลัก)", max_length=7, min_length=7)
    admin_email = forms.EmailField(
        label="อีเมลของผู้ดูแลระบบ อบจ. (หน่วยติดตามและประเมินผลจังหวัด)", required=False
    )
    admin_first_name = forms.CharField(label="ชื่อ", max_length=150, required=False)
    admin_last_name = forms.CharField(label="นามสกุล", max_length=150, required=False)

    def __init__(self, *args, provinces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province_code"].choices = [("", "— เลือกจังหวัด —")] + [
            (p.code, p.name_th) for p in provinces
        ]


class OrgDetailsForm(forms.ModelForm):
    emblem_file = forms.ImageField(
        label="ตราสัญลักษณ์ (PNG/JPEG ไม่เกิน 2 MB)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": IMAGE_TYPES}),
    )
    remove_emblem = forms.BooleanField(label="ลบตราสัญลักษณ์เดิม", required=False)

    class Meta:
        model = Organization
        fields = [
            "name",
            "address",
            "subdistrict",
            "postal_code",
            "executive_name",
            "executive_title",
            "planning_division",
            "website",
            "email",
        ]
        labels = {"name": "ชื่อเต็มของหน่วยงาน"}

    def __init__(self, *args, subdistricts=(), **kwargs):
        super().__init__(*args, **kwargs)
        org = self.instance
        self.fields["planning_division"].queryset = Division.objects.filter(org=org)
        self.fields["planning_division"].empty_label = "—"
        self.fields["executive_title"].widget.attrs["placeholder"] = org.executive_position
        self.fields["executive_name"].widget.attrs["placeholder"] = "เช่น นายสมชาย ใจดี"
        if subdistricts:
            self.fields["subdistrict"] = forms.ChoiceField(
                label="ตำบล/แขวง",
                required=False,
                choices=[("", "—")] + [(name, name) for name, _ in subdistricts],
            )
            self.postal = dict(subdistricts)

    def clean_postal_code(self):
        code = self.cleaned_data["postal_code"].strip()
        if code and not (code.isdigit() and len(code) == 5):
            raise forms.ValidationError("รหัสไปรษณีย์ต้องเป็นตัวเลข 5 หลัก")
        if not code and getattr(self, "postal", None):
            code = self.postal.get(self.cleaned_data.get("subdistrict") or "", "")
        return code


class DivisionForm(forms.Form):
    name = forms.CharField(label="ชื่อกอง/สำนัก", max_length=200)
    head_name = forms.CharField(label="ชื่อหัวหน้า", max_length=200, required=False)
    head_title = forms.CharField(label="ตำแหน่ง", max_length=200, required=False)


class InviteForm(forms.Form):
    email = forms.EmailField(label="อีเมล")
    first_name = forms.CharField(label="ชื่อ", max_length=150, required=False)
    last_name = forms.CharField(label="นามสกุล", max_length=150, required=False)
    role = forms.ChoiceField(label="บทบาท")
    division = forms.ModelChoiceField(
        label="กอง/สำนัก (สำหรับหัวหน้าส่วนราชการ)",
        empty_label="—",
        queryset=Division.objects.none(),
        required=False,
    )

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        roles = [(r.value, r.label) for r in Role if r != Role.ANALYST or org.is_provincial_unit]
        self.fields["role"].choices = roles
        self.fields["division"].queryset = Division.objects.filter(org=org)


class RoleForm(forms.Form):
    role = forms.ChoiceField(label="บทบาท")
    division = forms.ModelChoiceField(
        label="กอง/สำนัก", queryset=Division.objects.none(), required=False
    )

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = InviteForm(org=org).fields["role"].choices
        self.fields["division"].queryset = Division.objects.filter(org=org)


class HandOverForm(forms.Form):
    email = forms.EmailField(label="อีเมลของผู้รับมอบงาน")
    first_name = forms.CharField(label="ชื่อ", max_length=150, required=False)
    last_name = forms.CharField(label="นามสกุล", max_length=150, required=False)


class TypeChangeForm(forms.Form):
    new_type = forms.ChoiceField(
        label="ประเภทใหม่", choices=[c for c in OrgType.choices if c[0] != OrgType.PAO]
    )
    new_name = forms.CharField(label="ชื่อใหม่", max_length=200, required=False)
    effective_on = forms.CharField(label="มีผลตั้งแต่ (วว/ดด/ปปปป พ.ศ.)", max_length=20)
    note = forms.CharField(label="หมายเหตุ (ประกาศกระทรวงมหาดไทย)", max_length=300, required=False)
