from chengxin.mail.tests.fixtures import ingest, media_root, offline_guard  # noqa: F401
