from django.core.management.base import BaseCommand, CommandError

from liaison.audit.verification import verify


class Command(BaseCommand):
    help = (
        "Walk the audit chain and name the first audit row that was changed, removed or "
        "added outside the application; exits non-zero if there is one."
    )

    def handle(self, *args, **options):
        report = verify()
        if report.broken is not None:
            raise CommandError(
                f"Audit chain broken: {report.broken} (the {report.links} links before it hold)."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Audit chain intact: {report.links} rows; last digest {report.head}"
            )
        )
