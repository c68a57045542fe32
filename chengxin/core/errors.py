"""Refusals the services raise besides Django's own (ValidationError: bad input → 422;
PermissionDenied: not allowed → 403; DoesNotExist: gone → 404)."""


class Conflict(Exception):
    """Refused because of what the record holds or the state it is in, not because of the
    input (deleting a customer that still has payments): the API answers 409, a page shows
    the message. The message is for people, in the active language."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
