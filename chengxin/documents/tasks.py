from django.tasks import task

from chengxin.documents.fonts import COMPACT, build_compact_fonts, compact_fonts_ready


@task()
def documents_fonts_build_task() -> dict[str, int]:
    """Scheduled daily, so that a new machine makes its compact CJK fonts in the
    background soon after the worker starts (a few minutes, once); nothing when they are
    there. Until then documents use the full Noto CJK fonts: right, only slower."""
    if all(compact_fonts_ready(region) for region in COMPACT):
        return {"built": 0}
    return {"built": len(list(build_compact_fonts()))}
