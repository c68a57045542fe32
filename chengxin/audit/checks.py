"""System checks: an audit checkpoint file that cannot be written is reported at
start, not at the first hourly checkpoint."""

import os
from pathlib import Path

from django.conf import settings
from django.core.checks import Warning, register


def _nearest_existing(path: Path) -> Path:
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


@register()
def audit_checkpoint_file_check(app_configs, **kwargs):
    path = Path(settings.CHENGXIN_AUDIT_CHECKPOINT_FILE)
    target = path if path.exists() else _nearest_existing(path.parent)
    if path.exists() and path.is_dir():
        problem = "is a directory"
    elif not os.access(target, os.W_OK):
        problem = "cannot be written" if target == path else f"cannot be created in {target}"
    else:
        return []
    return [
        Warning(
            f"CHENGXIN_AUDIT_CHECKPOINT_FILE={str(path)!r} {problem}: audit checkpoints will "
            "fail, and `chengxin audit verify` cannot see entries deleted from the end.",
            id="chengxin.audit.W001",
        )
    ]
