"""The guard's Django side (assessments of stored mail, alarms, marking safe, the
command) shares the mail tests' fixtures; the engine's tests beside this folder
need no database."""

from chengxin.mail.tests.fixtures import ingest, media_root, offline_guard  # noqa: F401
