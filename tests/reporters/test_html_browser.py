"""The HTML report in a real browser: headless Chromium from Debian's packages.

`.ci/run` installs Chromium (and poppler's pdftotext) when absent; outside CI a test skips
naming what is missing, under CI=true the absence is a failure.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

import pytest
from corpora import in_ci

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "sample_strategies").glob("*.yaml"))
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]

# Each test drives a headless Chromium: seconds apiece.
pytestmark = pytest.mark.slow


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        message = f"{name} is not installed (apt-get install -y chromium poppler-utils)"
        if in_ci():
            pytest.fail(f"{message}; under CI=true that is a failure", pytrace=False)
        pytest.skip(message)
    return found


def chromium(*args: str) -> None:
    browser = _tool("chromium")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [browser, *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            timeout=120,
            check=True,
        )


def report(tmp: Path, *files: Path) -> Path:
    out = tmp / "review.html"
    done = subprocess.run(
        [sys.executable, "-m", "funnelcheck", "check", *map(str, files), "-f", f"html:{out}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    return out


def png_pixels(path: Path) -> tuple[int, int, bytes]:
    """Width, height and the raw (filtered) scanlines of a PNG, with the standard library."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    return width, height, zlib.decompress(idat)


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_each_strategy_s_page_is_drawn(sample: Path, tmp_path: Path) -> None:
    page = report(tmp_path, sample)
    shot = tmp_path / "shot.png"
    chromium("--window-size=1200,1200", f"--screenshot={shot}", page.as_uri())
    width, height, raw = png_pixels(shot)
    assert (width, height) == (1200, 1200)
    # A blank page is one colour; a drawn one has text and a picture: many distinct bytes,
    # and most scanlines differ from the first.
    stride = len(raw) // height
    lines = {raw[i * stride + 1 : (i + 1) * stride] for i in range(height)}
    assert len(lines) > height // 10
    assert len(set(raw)) > 64


def test_printed_each_strategy_starts_a_new_page(tmp_path: Path) -> None:
    page = report(tmp_path, *(p.relative_to(ROOT) for p in SAMPLES))
    pdf = tmp_path / "review.pdf"
    chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    pdftotext = _tool("pdftotext")
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")
    firsts = [next((ln.strip() for ln in p.splitlines() if ln.strip()), "") for p in pages]
    for sample in SAMPLES:
        name = f"sample_strategies/{sample.name}"
        # The heading may wrap on paper: a page's first line is the name or its beginning.
        assert any(len(f) > 20 and name.startswith(f) for f in firsts), f"{name} starts no page"
    assert firsts[0].startswith("Pitch review")
    # Each strategy starts one page: no strategy's heading is the first line twice.
    assert sum(f.startswith("sample_strategies/") for f in firsts) == len(SAMPLES)
    assert os.path.getsize(pdf) > 10_000


class DevTools:
    """A minimal DevTools client over a websocket (RFC 6455, text frames), standard library."""

    def __init__(self, url: str) -> None:
        import base64
        import socket
        from urllib.parse import urlparse

        parts = urlparse(url)
        self.sock = socket.create_connection((parts.hostname, parts.port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            (
                f"GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\nUpgrade: websocket\r\n"
                f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                "Sec-WebSocket-Version: 13\r\n\r\n"
            ).encode()
        )
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.sock.recv(1)
        assert head.startswith(b"HTTP/1.1 101"), head
        self.next_id = 0
        self.events: list[dict[str, object]] = []

    def _read(self, n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            assert chunk, "DevTools closed the connection"
            data += chunk
        return data

    def receive(self) -> dict[str, object]:
        import json

        message = b""
        while True:
            first, second = self._read(2)
            length = second & 0x7F
            if length == 126:
                (length,) = struct.unpack(">H", self._read(2))
            elif length == 127:
                (length,) = struct.unpack(">Q", self._read(8))
            message += self._read(length)
            if first & 0x80:
                parsed: dict[str, object] = json.loads(message)
                return parsed

    def call(self, method: str, **params: object) -> dict[str, object]:
        import json

        self.next_id += 1
        payload = json.dumps({"id": self.next_id, "method": method, "params": params}).encode()
        mask = os.urandom(4)
        header = bytes([0x81])
        if len(payload) < 126:
            header += bytes([0x80 | len(payload)])
        else:
            header += bytes([0x80 | 126]) + struct.pack(">H", len(payload))
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(header + mask + masked)
        while True:
            message = self.receive()
            if message.get("id") == self.next_id:
                return message
            self.events.append(message)

    def until(self, method: str) -> None:
        while not any(e.get("method") == method for e in self.events):
            self.events.append(self.receive())


def test_the_page_requests_nothing_but_itself_and_logs_no_error(tmp_path: Path) -> None:
    import json
    import time
    import urllib.request

    browser = _tool("chromium")
    page = report(tmp_path, *(p.relative_to(ROOT) for p in SAMPLES))
    profile = tmp_path / "profile"
    process = subprocess.Popen(
        [browser, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not (port_file.exists() and port_file.read_text().strip()):
            assert time.monotonic() < deadline, "Chromium did not open its DevTools port"
            time.sleep(0.2)
        port = int(port_file.read_text().split()[0])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=30) as r:
            targets = json.load(r)
        target = next(t for t in targets if t["type"] == "page")
        tools = DevTools(target["webSocketDebuggerUrl"])
        for domain in ("Network", "Runtime", "Log", "Page"):
            tools.call(f"{domain}.enable")
        tools.call("Page.navigate", url=page.as_uri())
        tools.until("Page.loadEventFired")
        tools.call("Runtime.evaluate", expression="1")  # flushes events queued before it
        requested = {
            e["params"]["request"]["url"]  # type: ignore[index]
            for e in tools.events
            if e.get("method") == "Network.requestWillBeSent"
        }
        assert requested == {page.as_uri()}
        errors = [
            e
            for e in tools.events
            if (e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error")  # type: ignore[index]
            or (e.get("method") == "Runtime.consoleAPICalled" and e["params"]["type"] == "error")  # type: ignore[index]
            or e.get("method") == "Runtime.exceptionThrown"
        ]
        assert errors == []
    finally:
        process.terminate()
        process.wait(timeout=30)
