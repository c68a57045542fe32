"""Helpers for benchmarks that talk to a real Chengxin server over HTTP:
a free loopback port, gunicorn started and stopped, and logging in the way a
browser does (CSRF token from the login page, then the two-factor code)."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
from django_otp.oath import totp

ROOT = Path(__file__).resolve().parent.parent
_CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def chengxin(args: list[str], env: dict[str, str]) -> None:
    """Run ``python -m chengxin <args>`` with ``env``; fail loudly."""
    subprocess.run([sys.executable, "-m", "chengxin", *args], env=env, cwd=ROOT, check=True)


@contextlib.contextmanager
def server(env: dict[str, str], *, workers: int = 2, startup_seconds: float = 60) -> Iterator[str]:
    """gunicorn serving chengxin.wsgi on a free loopback port; yields its base URL."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "chengxin.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--threads",
            "4",
            "--log-level",
            "warning",
        ],  # fmt: skip
        env=env,
        cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + startup_seconds
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {process.returncode}")
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not answer within {startup_seconds} s")
            time.sleep(0.3)
        yield base
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _csrf(client: httpx.Client, url: str) -> str:
    response = client.get(url)
    response.raise_for_status()
    match = _CSRF_INPUT.search(response.text)
    if not match:
        raise RuntimeError(f"no CSRF token on {url}")
    return match.group(1)


def login(base: str, username: str, password: str, totp_key_hex: str | None = None):
    """A logged-in keep-alive client, as a browser would be after signing in
    (and entering the current code from the authenticator app)."""
    client = httpx.Client(base_url=base, timeout=60, follow_redirects=False)
    token = _csrf(client, "/accounts/login/")
    response = client.post(
        "/accounts/login/",
        data={"username": username, "password": password, "csrfmiddlewaretoken": token},
        headers={"Referer": f"{base}/accounts/login/"},
    )
    if response.status_code != 302:
        raise RuntimeError(f"login as {username} failed: HTTP {response.status_code}")
    if totp_key_hex:
        token = _csrf(client, "/accounts/two-factor/verify/")
        code = f"{totp(bytes.fromhex(totp_key_hex)):06d}"
        response = client.post(
            "/accounts/two-factor/verify/",
            data={"token": code, "csrfmiddlewaretoken": token},
            headers={"Referer": f"{base}/accounts/two-factor/verify/"},
        )
        if response.status_code != 302:
            raise RuntimeError(f"two-factor step for {username} failed: {response.status_code}")
    check = client.get("/companies/")
    if check.status_code != 200:
        raise RuntimeError(f"{username} cannot open the company list: HTTP {check.status_code}")
    return client


def measure(client: httpx.Client, url: str, *, requests: int, warmup: int = 5, headers=None):
    """Milliseconds per request for ``requests`` GETs after ``warmup`` ones; and
    the last response, to check what was measured."""
    response = None
    for _ in range(warmup):
        response = client.get(url, headers=headers)
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(url, headers=headers)
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"GET {url}: HTTP {response.status_code}")
    return timings, response


def median_p95(timings: list[float]) -> tuple[float, float]:
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def bench_env(database_url: str, data_dir: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        CHENGXIN_DATA_DIR=data_dir,
        DEBUG="false",
        SECRET_KEY="bench-" + "x" * 50,
        DJANGO_SETTINGS_MODULE="chengxin.settings",
        LOG_LEVEL="ERROR",
    )
    return env
