"""The operator's admin site (django-unfold): every table of organisations and people, in Thai.
Writes here are audited like any other (the audit middleware covers /admin/)."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin as BaseGroupAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group
from unfold.admin import ModelAdmin, TabularInline
from unfold.forms import AdminPasswordChangeForm, UserChangeForm, UserCreationForm

from orgs.models import (
    AuditEntry,
    District,
    Division,
    Membership,
    Organization,
    OrgTypeChange,
    Province,
)

admin.site.site_header = "ติดตาม · ผู้ดูแลระบบ"
admin.site.site_title = "ติดตาม"
admin.site.index_title = "จัดการข้อมูลระบบ"

User = get_user_model()
admin.site.unregister(User)
admin.site.unregister(Group)


class MembershipInline(TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "role", "division"]


@admin.register(User)
class UserAdmin(BaseUserAdmin, ModelAdmin):
    form = UserChangeForm
    add_form = UserCreationForm
    change_password_form = AdminPasswordChangeForm
    list_display = ["username", "first_name", "last_name", "email", "is_active", "is_superuser"]


@admin.register(Group)
class GroupAdmin(BaseGroupAdmin, ModelAdmin):
    pass


class DistrictInline(TabularInline):
    model = District
    extra = 0
    fields = ["code", "name"]


@admin.register(Province)
class ProvinceAdmin(ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]
    inlines = [DistrictInline]


@admin.register(District)
class DistrictAdmin(ModelAdmin):
    list_display = ["code", "name", "province"]
    list_filter = ["province"]
    search_fields = ["name", "code"]


class DivisionInline(TabularInline):
    model = Division
    extra = 0
    fields = ["name", "head_name", "head_title"]


class OrgTypeChangeInline(TabularInline):
    model = OrgTypeChange
    extra = 0
    fields = ["effective_on", "old_type", "new_type", "old_name", "note"]


@admin.register(Organization)
class OrganizationAdmin(ModelAdmin):
    list_display = ["code", "name", "org_type", "district", "province"]
    list_filter = ["province", "org_type"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["district"]
    inlines = [DivisionInline, MembershipInline, OrgTypeChangeInline]
    fieldsets = [
        (None, {"fields": ["code", "name", "org_type", "province", "district"]}),
        (
            "ข้อมูลในเอกสารราชการ",
            {
                "fields": [
                    "address",
                    "subdistrict",
                    "postal_code",
                    "emblem",
                    "executive_name",
                    "executive_title",
                    "planning_division",
                    "website",
                    "email",
                ]
            },
        ),
    ]


@admin.register(Membership)
class MembershipAdmin(ModelAdmin):
    list_display = ["user", "org", "role", "division"]
    list_filter = ["role", "org__province"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "org__name"]
    autocomplete_fields = ["user", "org"]


@admin.register(AuditEntry)
class AuditEntryAdmin(ModelAdmin):
    list_display = ["at", "actor", "action", "model", "label", "org"]
    list_filter = ["action", "model"]
    search_fields = ["actor", "label"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
