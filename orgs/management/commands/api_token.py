from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from orgs.tokens import token_create


class Command(BaseCommand):
    help = "สร้างโทเคนสำหรับ JSON API ของผู้ใช้ (แสดงครั้งเดียว เก็บเฉพาะค่าแฮช)"

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="API")

    def handle(self, *args, username, name, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"ไม่พบผู้ใช้ {username}")
        _, key = token_create(user=user, name=name)
        self.stdout.write(key)
