"""Signals of the accounts app, for the apps above it (accounts imports none of them)."""

from django.dispatch import Signal

# Sent by ``user_update`` before a user's role or active flag changes, with ``user``.
# A receiver may return a callable: it is called once the change is saved (e.g. to
# compare what waits for an approval before and after).
user_rights_changing = Signal()
