from django.core.management.base import BaseCommand, CommandError

from chengxin.audit.models import AuditEntry
from chengxin.audit.selectors import audit_chain_first_break

REASONS = {
    "missing": "an entry is missing (deleted or renumbered)",
    "link": "its link to the previous entry was altered",
    "content": "its content was altered after it was written",
}


class Command(BaseCommand):
    help = "Audit trail tools. `chengxin audit verify` checks the hash chain end to end."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args, **options):
        broken = audit_chain_first_break()
        total = AuditEntry.objects.count()
        if broken is not None:
            raise CommandError(
                f"Audit chain BROKEN at entry #{broken.seq}: {REASONS[broken.reason]}. "
                f"Entries before #{broken.seq} are intact."
            )
        self.stdout.write(self.style.SUCCESS(f"Audit chain intact: {total} entries verified."))
