"""A private ClamAV daemon for the upload tests: Debian's clamd on 127.0.0.1 (a free
port), with a temporary configuration and a signature database that knows only the
EICAR test file (no network, no freshclam). Missing clamd skips the tests that need it,
unless CI or REQUIRE_BROWSER asks for every test to run."""

import contextlib
import hashlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import clamd
import pytest

CLAMD = shutil.which("clamd") or "/usr/sbin/clamd"
EICAR = clamd.EICAR
STRICT = os.environ.get("CI") == "true" or os.environ.get("REQUIRE_BROWSER") == "1"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def running_clamd(timeout=60):
    """Start clamd; yields (host, port) once it answers PING, stops it afterwards."""
    if not Path(CLAMD).exists():
        message = "clamd is not installed (apt-get install clamav-daemon)"
        if STRICT:
            pytest.fail(message)
        pytest.skip(message)
    with tempfile.TemporaryDirectory(prefix="clamd-") as folder:
        folder = Path(folder)
        database = folder / "db"
        database.mkdir()
        digest = hashlib.md5(EICAR).hexdigest()  # noqa: S324 (ClamAV's hash signature format)
        (database / "eicar.hdb").write_text(f"{digest}:{len(EICAR)}:Eicar-Test-Signature\n")
        port = free_port()
        config = folder / "clamd.conf"
        config.write_text(
            f"DatabaseDirectory {database}\nTCPSocket {port}\nTCPAddr 127.0.0.1\n"
            f"Foreground yes\nLogFile {folder / 'clamd.log'}\nPidFile {folder / 'clamd.pid'}\n"
            f"TemporaryDirectory {folder}\n"
        )
        process = subprocess.Popen(
            [CLAMD, "--config-file", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            client = clamd.ClamdNetworkSocket("127.0.0.1", port, timeout=5)
            deadline = time.monotonic() + timeout
            while True:
                try:
                    if client.ping() == "PONG":
                        break
                except clamd.ConnectionError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    log = (
                        (folder / "clamd.log").read_text()
                        if (folder / "clamd.log").exists()
                        else ""
                    )
                    pytest.fail(f"clamd did not start: {log[-2000:]}")
                time.sleep(0.2)
            yield "127.0.0.1", port
        finally:
            process.terminate()
            process.wait(timeout=30)
