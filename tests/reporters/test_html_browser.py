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
