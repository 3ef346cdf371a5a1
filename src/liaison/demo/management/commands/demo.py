"""`liaison demo`: load the demonstration data set (safe to run again)."""

from django.core.management.base import BaseCommand

from liaison.demo.loader import PASSWORD, USERS, Demo


class Command(BaseCommand):
    help = "Load a realistic demonstration data set; running it again changes nothing."

    def handle(self, *args, **options):
        Demo(log=self.stdout.write).load()
        self.stdout.write(self.style.SUCCESS("Demo data ready. Log in at http://127.0.0.1:8000/"))
        for username, name, roles, _superuser in USERS:
            role_names = ", ".join(str(role.label) for role in roles)
            self.stdout.write(f"  {username:<10} / {PASSWORD}   ({name}: {role_names})")
