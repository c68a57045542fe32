"""The worker makes the compact CJK fonts once: nothing when they are there."""

from chengxin.core.schedules import SCHEDULES
from chengxin.documents import tasks
from chengxin.documents.fonts import COMPACT, WEIGHTS, compact_font_path


def test_the_worker_builds_the_fonts_only_when_missing(settings, tmp_path, monkeypatch):
    assert "chengxin.documents.tasks.documents_fonts_build_task" in {s.task for s in SCHEDULES}
    settings.CHENGXIN_DOCUMENT_FONTS_DIR = str(tmp_path)
    built = []

    def build():
        for region in COMPACT:
            for weight in WEIGHTS:
                path = compact_font_path(region, weight)
                path.write_bytes(b"font")
                built.append(path)
                yield path

    monkeypatch.setattr(tasks, "build_compact_fonts", build)
    assert tasks.documents_fonts_build_task.call() == {"built": len(COMPACT) * len(WEIGHTS)}
    assert all(path.parent == tmp_path for path in built)
    assert tasks.documents_fonts_build_task.call() == {"built": 0}
