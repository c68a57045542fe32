"""A real IMAP server for the tests: Debian's Dovecot, run in the foreground with
its own configuration in a temporary folder, on 127.0.0.1 and free ports, with
passwd-file logins and Maildir storage; plain IMAP, STARTTLS and IMAPS (a
self-signed certificate made for the run)."""

from __future__ import annotations

import datetime
import grp
import imaplib
import os
import pwd
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

ACCOUNTS = 200
_CONFIG = """\
base_dir = {root}/run
state_dir = {root}/state
instance_name = chengxin-test-{imap_port}
protocols = imap
listen = 127.0.0.1
disable_plaintext_auth = no
auth_mechanisms = plain login
log_path = {root}/dovecot.log
mail_location = maildir:{root}/mail/%u
first_valid_uid = 1
{run_as}
ssl = yes
ssl_cert = <{root}/cert.pem
ssl_key = <{root}/key.pem
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={mail_uid} gid={mail_gid} home={root}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {imap_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {imaps_port}
  }}
}}
"""


def dovecot_binary() -> str | None:
    return shutil.which("dovecot") or next(
        (p for p in ("/usr/sbin/dovecot", "/usr/local/sbin/dovecot") if os.access(p, os.X_OK)),
        None,
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _self_signed(root: Path) -> Path:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path = root / "cert.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    (root / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path


@dataclass
class Account:
    username: str
    password: str


class Dovecot:
    def __init__(self) -> None:
        binary = dovecot_binary()
        if binary is None:
            raise RuntimeError(
                "Dovecot is not installed; run scripts/install_test_services "
                "(apt-get install dovecot-imapd)."
            )
        self.root = Path(tempfile.mkdtemp(prefix="chengxin-dovecot-"))
        self.imap_port, self.imaps_port = _free_port(), _free_port()
        (self.root / "run").mkdir()
        (self.root / "state").mkdir()
        (self.root / "mail").mkdir()
        # Dovecot may cache the passwd file for a second: every account is made now.
        self._free_accounts = [
            Account(f"user{n}", f"Imap-Test-Pass-{n}") for n in range(1, ACCOUNTS + 1)
        ]
        (self.root / "passwd").write_text(
            "".join(f"{a.username}:{{PLAIN}}{a.password}::::::\n" for a in self._free_accounts)
        )
        cert = _self_signed(self.root)
        if os.geteuid() == 0:
            # Dovecot never reads mail as root: the mail processes run as nobody.
            mail_user = pwd.getpwnam("nobody")
            os.chmod(self.root, 0o755)  # noqa: S103 - nobody must reach its Maildir
            os.chown(self.root / "mail", mail_user.pw_uid, mail_user.pw_gid)
            run_as = ""
        else:
            mail_user = pwd.getpwuid(os.getuid())
            me, group = mail_user.pw_name, grp.getgrgid(os.getgid()).gr_name
            run_as = (
                f"default_login_user = {me}\ndefault_internal_user = {me}\n"
                f"default_internal_group = {group}\n"
            )
        (self.root / "dovecot.conf").write_text(
            _CONFIG.format(
                root=self.root,
                imap_port=self.imap_port,
                imaps_port=self.imaps_port,
                mail_uid=mail_user.pw_uid,
                mail_gid=mail_user.pw_gid,
                run_as=run_as,
            )
        )
        self.ssl_context = ssl.create_default_context(cafile=str(cert))
        self.process = subprocess.Popen(  # noqa: S603 - our own binary and config
            [binary, "-F", "-c", str(self.root / "dovecot.conf")],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        self._wait_until_listening()

    def _wait_until_listening(self) -> None:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                output = self.process.stdout.read().decode(errors="replace")
                raise RuntimeError(f"Dovecot stopped at start:\n{output}\n{self.log()}")
            try:
                with socket.create_connection(("127.0.0.1", self.imap_port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"Dovecot did not start listening:\n{self.log()}")

    def log(self) -> str:
        path = self.root / "dovecot.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def add_account(self) -> Account:
        """An account nobody has used yet (an empty INBOX)."""
        return self._free_accounts.pop(0)

    def append(self, account: Account, raw: bytes, folder: str = "INBOX") -> None:
        """Put a message in a folder the way a mail program does: IMAP APPEND."""
        client = imaplib.IMAP4("127.0.0.1", self.imap_port, timeout=10)
        try:
            client.login(account.username, account.password)
            if folder != "INBOX":
                client.create(f'"{folder}"')
            status, data = client.append(f'"{folder}"', None, None, raw)
            assert status == "OK", data
        finally:
            client.logout()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdout:
            self.process.stdout.close()
        shutil.rmtree(self.root, ignore_errors=True)
