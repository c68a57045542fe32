"""`chengxin start --port N`: web server, worker and mail catcher on the port asked for."""

import os
import signal
import subprocess
import sys
import time
import urllib.request

from chengxin.testing.servers import free_port


def test_start_serves_on_the_port_asked_for_and_stops_on_sigterm(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "CHENGXIN_DATA_DIR": str(tmp_path),
        "SECRET_KEY": "start-test-key-not-the-default-0123456789",
    }
    for name in ("DATABASE_URL", "CHENGXIN_SMTP_HOST", "ALLOWED_HOSTS"):
        env.pop(name, None)
    process = subprocess.Popen(
        [sys.executable, "-m", "chengxin", "start", "--port", str(port), "--no-demo",
         "--mail-catcher", "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )  # fmt: skip
    output = []
    try:
        deadline = time.monotonic() + 240
        for line in process.stdout:
            output.append(line)
            if "Press Ctrl-C to stop." in line or time.monotonic() > deadline:
                break
        text = "".join(output)
        assert f"Chengxin is running at http://127.0.0.1:{port}/" in text, text
        assert f"http://127.0.0.1:{port}/outbox/caught/" in text
        login = f"http://127.0.0.1:{port}/accounts/login/"
        for _attempt in range(100):
            try:
                with urllib.request.urlopen(login, timeout=5) as response:  # noqa: S310
                    assert response.status == 200
                    break
            except OSError:
                time.sleep(0.3)
        else:
            raise AssertionError(f"nothing answers on port {port}")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)
    assert (tmp_path / "mail-catcher" / "new").is_dir()
