"""Moved to :mod:`chengxin.core.bank_numbers` (the guard needs it too, below banking).

Kept for the importers not moved yet; import from ``chengxin.core.bank_numbers``.
"""

from chengxin.core.bank_numbers import (  # noqa: F401
    digest,
    domestic_part,
    last4,
    masked,
)
