"""`liaison remind`: e-mail the obligation deadlines reached today (run it daily)."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from liaison.agenda.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "E-mail each responsible officer the obligations due in 30, 7 and 1 days and those "
        "late, each reminder once, and the administrators a digest."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Remind as of this day (YYYY-MM-DD), not today.")

    def handle(self, *args, date=None, **options):
        try:
            today = datetime.date.fromisoformat(date) if date else None
        except ValueError as error:
            raise CommandError(f"--date: give a day as YYYY-MM-DD ({error}).") from error
        emails, reminders = send_reminders(today)
        self.stdout.write(f"{emails} e-mail(s) sent, {reminders} reminder(s).")
