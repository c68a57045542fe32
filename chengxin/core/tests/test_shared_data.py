"""Tests that read the shared test corpora skip on a fresh clone and fail in CI."""

import pytest

from chengxin.testing import shared_data


def test_a_present_corpus_is_returned(tmp_path, monkeypatch):
    (tmp_path / "phishing_bec").mkdir()
    (tmp_path / "phishing_bec" / "lure.eml").write_bytes(b"Subject: x\n\nbody\n")
    monkeypatch.setenv("CHENGXIN_SHARED_DATA", str(tmp_path))
    monkeypatch.setenv("CI", "true")
    assert shared_data("phishing_bec", "lure.eml").read_bytes() == b"Subject: x\n\nbody\n"


def test_a_missing_corpus_skips_naming_the_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("CHENGXIN_SHARED_DATA", raising=False)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr("chengxin.testing.shared_data_dir", lambda: tmp_path / "nowhere")
    with pytest.raises(pytest.skip.Exception) as skipped:
        shared_data("phishing_bec", "lure.eml")
    assert "needs ../shared/data/phishing_bec" in str(skipped.value)


def test_a_missing_corpus_fails_in_ci(tmp_path, monkeypatch):
    monkeypatch.setenv("CHENGXIN_SHARED_DATA", str(tmp_path / "nowhere"))
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception) as failed:
        shared_data("email_auth")
    assert "email_auth" in str(failed.value)
