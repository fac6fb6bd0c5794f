"""The org's own pages: its details, its divisions, its people (invite, role, disable, hand over),
and for the อบจ. the province's orgs (type changes, each org's first officer)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from orgs import selectors, services
from orgs.access import get_province_org_for_admin, require_org_admin, require_province_analyst
from orgs.decorators import org_view
from orgs.forms import (
    DivisionForm,
    HandOverForm,
    InviteForm,
    OrgDetailsForm,
    RoleForm,
    TypeChangeForm,
)
from orgs.models import Division, Membership, Organization, Role
from thai.dates import parse_thai_date


def _base(request) -> str:
    return request.build_absolute_uri("/")


def _errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


@org_view()
def details(request, org):
    require_org_admin(request.user, org)
    org = Organization.objects.select_related("province", "district").get(pk=org.pk)
    subdistricts = services.subdistrict_choices(org)
    form = OrgDetailsForm(
        request.POST or None, request.FILES or None, instance=org, subdistricts=subdistricts
    )
    if request.method == "POST" and form.is_valid():
        data = {k: form.cleaned_data[k] for k in services.DETAIL_FIELDS}
        try:
            services.org_details_update(
                org=Organization.objects.get(pk=org.pk),
                data=data,
                emblem=form.cleaned_data.get("emblem_file"),
                remove_emblem=form.cleaned_data.get("remove_emblem"),
            )
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, "บันทึกข้อมูลหน่วยงานแล้ว")
            return redirect("people:details", org.code)
    return render(request, "orgs/details.html", {"org": org, "form": form, "section": "org"})


@org_view()
def emblem(request, org):
    """The org's emblem image, for its own pages (documents embed the file itself)."""
    org = Organization.objects.only("emblem").get(pk=org.pk)
    if not org.emblem:
        raise Http404("ยังไม่มีตราสัญลักษณ์")
    try:
        handle = org.emblem.open("rb")
    except FileNotFoundError as exc:
        raise Http404("ไม่พบไฟล์ตราสัญลักษณ์") from exc
    return FileResponse(
        handle, content_type="image/png" if org.emblem.name.endswith(".png") else "image/jpeg"
    )


@org_view()
def divisions(request, org):
    require_org_admin(request.user, org)
    form = DivisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.division_save(org=org, **form.cleaned_data)
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, f"เพิ่ม{form.cleaned_data['name']}แล้ว")
            return redirect("people:divisions", org.code)
    return render(
        request,
        "orgs/divisions.html",
        {
            "org": org,
            "form": form,
            "section": "org",
            "rows": selectors.divisions_with_heads(org),
        },
    )


@org_view()
def division_edit(request, org, division_id):
    require_org_admin(request.user, org)
    division = get_object_or_404(Division, pk=division_id, org=org)
    if request.method == "POST" and request.POST.get("delete") == "1":
        try:
            services.division_delete(division=division)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, f"ลบ{division.name}แล้ว")
        return redirect("people:divisions", org.code)
    initial = {
        "name": division.name,
        "head_name": division.head_name,
        "head_title": division.head_title,
    }
    form = DivisionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.division_save(org=org, division=division, **form.cleaned_data)
        except ValidationError as exc:
            _errors(form, exc)
        else:
            messages.success(request, "บันทึกแล้ว")
            return redirect("people:divisions", org.code)
    return render(
        request,
        "orgs/division_edit.html",
        {"org": org, "form": form, "division": division, "section": "org"},
    )


@org_view()
def people(request, org):
    require_org_admin(request.user, org)
    form = InviteForm(request.POST or None, org=org)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.person_invite(
                org=org,
                email=d["email"],
                role=d["role"],
                division=d["division"],
                first_name=d["first_name"],
                last_name=d["last_name"],
                base_url=_base(request),
                invited_by=request.user,
            )
        except ValidationError as exc:
            _errors(form, exc)
        except OSError:
            form.add_error(None, "ส่งอีเมลไม่สำเร็จ (เซิร์ฟเวอร์อีเมลไม่ตอบ) ยังไม่ได้บันทึกคำเชิญ ลองใหม่ภายหลัง")
        else:
            messages.success(request, f"ส่งคำเชิญไปที่ {d['email']} แล้ว")
            return redirect("people:people", org.code)
    return render(
        request,
        "orgs/people.html",
        {
            "org": org,
            "form": form,
            "section": "people",
            "people": selectors.people_of(org),
        },
    )


def _person(org, user_id):
    user = get_object_or_404(get_user_model(), pk=user_id, memberships__org=org)
    return user


@org_view()
def person(request, org, user_id):
    require_org_admin(request.user, org)
    person = _person(org, user_id)
    memberships = list(Membership.objects.filter(user=person, org=org).select_related("division"))
    role_form = RoleForm(org=org)
    handover = HandOverForm(request.POST if request.POST.get("action") == "handover" else None)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "role":
                m = get_object_or_404(
                    Membership, pk=request.POST.get("membership"), org=org, user=person
                )
                role_form = RoleForm(request.POST, org=org)
                if role_form.is_valid():
                    services.membership_change(
                        membership=m,
                        role=role_form.cleaned_data["role"],
                        division=role_form.cleaned_data["division"],
                    )
                    messages.success(request, "เปลี่ยนบทบาทแล้ว")
                    return redirect("people:person", org.code, person.pk)
            elif action == "remove":
                m = get_object_or_404(
                    Membership, pk=request.POST.get("membership"), org=org, user=person
                )
                services.membership_remove(membership=m, removed_by=request.user)
                messages.success(request, "ลบบทบาทแล้ว")
                return redirect("people:people", org.code)
            elif action == "disable":
                disabled = services.person_disable(org=org, user=person, disabled_by=request.user)
                messages.success(
                    request,
                    "ปิดการใช้งานบัญชีแล้ว ประวัติการทำงานยังคงอยู่ในชื่อเดิม"
                    if disabled
                    else "ลบบทบาทในหน่วยงานนี้แล้ว (ผู้ใช้ยังมีบทบาทในหน่วยงานอื่น)",
                )
                return redirect("people:people", org.code)
            elif action == "handover" and handover.is_valid():
                d = handover.cleaned_data
                services.accounts_hand_over(
                    org=org,
                    from_user=person,
                    email=d["email"],
                    first_name=d["first_name"],
                    last_name=d["last_name"],
                    base_url=_base(request),
                    handed_over_by=request.user,
                )
                messages.success(request, f"ส่งมอบบทบาทให้ {d['email']} แล้ว และปิดบัญชีผู้ส่งมอบ")
                return redirect("people:people", org.code)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        except OSError:
            messages.error(request, "ส่งอีเมลไม่สำเร็จ (เซิร์ฟเวอร์อีเมลไม่ตอบ) ยังไม่ได้บันทึก ลองใหม่ภายหลัง")
    return render(
        request,
        "orgs/person.html",
        {
            "org": org,
            "person": person,
            "memberships": memberships,
            "role_form": role_form,
            "handover": handover,
            "section": "people",
            "roles": Role.choices,
            "divisions": Division.objects.filter(org=org),
        },
    )


@org_view()
def province_orgs(request, org):
    """The อบจ.'s list of its province's orgs: type, district, whether each has an officer yet."""
    require_province_analyst(request.user, org)
    return render(
        request,
        "orgs/province_orgs.html",
        {
            "org": org,
            "section": "province_orgs",
            "rows": selectors.province_orgs(org.province),
            "invite": InviteForm(org=org),
            "type_form": TypeChangeForm(),
        },
    )


@org_view()
@require_POST
def province_org_invite(request, org, code):
    target = get_province_org_for_admin(request.user, org, code)
    email = request.POST.get("email", "")
    try:
        services.person_invite(
            org=target,
            email=email,
            role=Role.OFFICER,
            first_name=request.POST.get("first_name", ""),
            last_name=request.POST.get("last_name", ""),
            base_url=_base(request),
            invited_by=request.user,
        )
    except ValidationError as exc:
        messages.error(request, f"{target.name}: {' '.join(exc.messages)}")
    except OSError:
        messages.error(request, "ส่งอีเมลไม่สำเร็จ (เซิร์ฟเวอร์อีเมลไม่ตอบ) ลองใหม่ภายหลัง")
    else:
        messages.success(request, f"ส่งคำเชิญนักวิเคราะห์นโยบายและแผนของ{target.name}ไปที่ {email} แล้ว")
    return redirect("people:province_orgs", org.code)


@org_view()
def province_org_type(request, org, code):
    target = get_province_org_for_admin(request.user, org, code)
    form = TypeChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            on = parse_thai_date(d["effective_on"])
        except ValueError as exc:
            form.add_error("effective_on", str(exc))
        else:
            try:
                services.org_type_change(
                    org=target,
                    new_type=d["new_type"],
                    effective_on=on,
                    new_name=d["new_name"],
                    note=d["note"],
                )
            except ValidationError as exc:
                _errors(form, exc)
            else:
                messages.success(request, f"บันทึกการเปลี่ยนประเภทของ{target.name}แล้ว")
                return redirect("people:province_orgs", org.code)
    return render(
        request,
        "orgs/type_change.html",
        {
            "org": org,
            "target": target,
            "form": form,
            "section": "province_orgs",
            "history": target.type_changes.all(),
        },
    )
