"""Lighthouse (npm ``lighthouse``, the machine's Chromium) on the five kinds of page, with
its mobile profile: accessibility, best practices and SEO must score 100.

Performance is measured from timings (simulated throttling of this machine's run), so
it is recorded in docs/lighthouse.md and never asserted here.  The site is served
compressed, as Read the Docs serves it: an uncompressed local server would make
Lighthouse report the server, not the site."""

from __future__ import annotations

import gzip
import http.server
import json
import os
import subprocess
import threading
from pathlib import Path

import pytest
from conftest import ROOT, require_file, require_tool

pytestmark = pytest.mark.slow

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = [
    "index.html",
    "texts/000/guangyang-medical-insurance.html",
    "texts/000/transcription.html",
    "glossary/index.html",
    "search.html",
]
ASSERTED = ("accessibility", "best-practices", "seo")
COMPRESSED = (".html", ".css", ".js", ".svg", ".json", ".inv")


def _handler(root: Path) -> type[http.server.SimpleHTTPRequestHandler]:
    class Compressing(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, *args):
            pass

        def do_GET(self):
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            if (
                not path.is_file()
                or path.suffix not in COMPRESSED
                or "gzip" not in self.headers.get("Accept-Encoding", "")
            ):
                return super().do_GET()
            body = gzip.compress(path.read_bytes(), mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            self.wfile.write(body)

    return Compressing


@pytest.fixture(scope="module")
def served(built_html):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(built_html))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def lighthouse_report(url: str, out: Path) -> dict:
    """Lighthouse's JSON report of ``url``, mobile profile."""
    lighthouse = require_file(LIGHTHOUSE)
    chromium = require_tool("chromium")
    cmd = [
        str(lighthouse), url, "--quiet", "--form-factor=mobile", "--output=json", f"--output-path={out}",
        "--only-categories=performance,accessibility,best-practices,seo",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]  # fmt: skip
    result = subprocess.run(
        cmd,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "CHROME_PATH": chromium},
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))


def failing_audits(report: dict, category: str) -> list[str]:
    """The audits that cost the category points, with their titles."""
    audits = report["audits"]
    refs = [r["id"] for r in report["categories"][category]["auditRefs"] if r["weight"] > 0]
    return [f"{a}: {audits[a]['title']}" for a in refs if audits[a].get("score") not in (None, 1)]


@pytest.mark.parametrize("page", PAGES)
def test_lighthouse_scores_100_in_accessibility_best_practices_and_seo(served, page, tmp_path):
    report = lighthouse_report(f"{served}/{page}", tmp_path / "report.json")
    assert not report.get("runtimeError"), report.get("runtimeError")
    scores = {c: round(report["categories"][c]["score"] * 100) for c in ASSERTED}
    failures = {c: failing_audits(report, c) for c in ASSERTED if scores[c] != 100}
    assert scores == dict.fromkeys(ASSERTED, 100), failures
