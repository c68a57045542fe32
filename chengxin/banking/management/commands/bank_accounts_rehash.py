"""After an encryption key rotation: recompute the look-up digests of every bank account
and re-encrypt its numbers under the new key (see chengxin.core.crypto)."""

from django.core.management.base import BaseCommand

from chengxin.banking.services.rehash import bank_accounts_rehash


class Command(BaseCommand):
    help = "Recompute bank account digests and re-encrypt numbers under the current key."

    def handle(self, *args, **options):
        changed = bank_accounts_rehash()
        self.stdout.write(f"{changed} bank account digest(s) recomputed.")
