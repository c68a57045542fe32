"""Bank accounts under four eyes: propose → verify out of band → approve (a second person,
with two-factor) → active → retired; or rejected.

Every step loads the account under a row lock, checks who may act (``banking.permissions``)
and that the account is exactly at that step, records a BankAccountStep and an audit entry,
and moves the state (``chengxin.workflow``). Pages and API call these, so neither can skip
a step or let one person play two parts. There is no service that changes an account's
number: a change is a new account.

* :mod:`.propose` (with :mod:`.details`, the check of the bank details), :mod:`.verify`,
  :mod:`.approve` (approve, reject, retire, the label): the account's life;
* :mod:`.payments`: payments received into our accounts;
* :mod:`.documents`: bank identifiers in documents and messages that are not on file (the
  mail pipeline's check);
* :mod:`.rehash`: digests and encryption after a key rotation.

The steps other apps call are named here.
"""

from chengxin.banking.services.approve import (
    bank_account_approve,
    bank_account_label_update,
    bank_account_reject,
    bank_account_retire,
)
from chengxin.banking.services.common import link_to
from chengxin.banking.services.documents import (
    GUARD_BANK_SIGNALS,
    UNKNOWN_ACCOUNT_KIND,
    document_accounts,
    document_check_accounts,
    document_text,
    message_attachment_accounts,
    message_check_accounts,
)
from chengxin.banking.services.payments import payment_record
from chengxin.banking.services.propose import bank_account_propose, proposal_warnings
from chengxin.banking.services.rehash import bank_accounts_rehash
from chengxin.banking.services.verify import (
    FRAUD_KIND,
    bank_account_number_show_for_verification,
    bank_account_verify,
    verification_channels,
)

__all__ = [
    "FRAUD_KIND",
    "GUARD_BANK_SIGNALS",
    "UNKNOWN_ACCOUNT_KIND",
    "bank_account_approve",
    "bank_account_label_update",
    "bank_account_number_show_for_verification",
    "bank_account_propose",
    "bank_account_reject",
    "bank_account_retire",
    "bank_account_verify",
    "bank_accounts_rehash",
    "document_accounts",
    "document_check_accounts",
    "document_text",
    "link_to",
    "message_attachment_accounts",
    "message_check_accounts",
    "payment_record",
    "proposal_warnings",
    "verification_channels",
]
