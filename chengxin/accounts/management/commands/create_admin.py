"""``chengxin create_admin USERNAME``: the first administrator of a new installation."""

import getpass

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from chengxin.accounts.models import Role
from chengxin.accounts.services import user_create


class Command(BaseCommand):
    help = "Create an administrator (asks for the password, or reads CHENGXIN_ADMIN_PASSWORD)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")

    def handle(self, *args, **options):
        import os

        password = os.environ.get("CHENGXIN_ADMIN_PASSWORD") or getpass.getpass("Password: ")
        try:
            user = user_create(
                actor=None,
                username=options["username"],
                password=password,
                role=Role.ADMIN,
                email=options["email"],
            )
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Administrator {user.username} created. Two-factor setup follows at first login."
            )
        )
