"""Moved to ``chengxin.core.sanitize`` (the outbox's mail catcher shows HTML too); this
name remains for the modules that still import it from here."""

from chengxin.core.sanitize import SanitizedHtml, sanitize_html

__all__ = ["SanitizedHtml", "sanitize_html"]
