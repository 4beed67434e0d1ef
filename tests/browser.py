"""Serve a built site on 127.0.0.1 and open it in a real Chromium (a helper, not a test module).

The browser tests and scripts/screenshots.py use it. Chromium is Debian's (`.ci/run` installs it) or, on a
GitHub runner, the preinstalled Google Chrome; Playwright drives it and never downloads a browser.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Quiet and offline: no updates, no sync, no first-run page; as root, Chromium needs --no-sandbox
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-gpu"]
NOT_LOCAL = re.compile(r"^(?!https?://127\.0\.0\.1[:/])")  # Google Fonts, the GitHub API of the repo button...


def chromium_path() -> str | None:
    """$CHROMIUM, else Debian's /usr/bin/chromium, else a Chromium or Chrome on the PATH."""
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve `site` on a free port of 127.0.0.1 from a thread; yield its base URL (ending in /)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def launch(playwright: Any, executable: str) -> Any:
    """A headless Chromium that never reaches the network by itself."""
    return playwright.chromium.launch(executable_path=executable, headless=True, args=ARGS)


def offline(context: Any) -> Any:
    """Make `context` answer every request that is not to 127.0.0.1 with a failure, at once (as when offline)."""
    context.route(NOT_LOCAL, lambda route: route.abort())
    return context


@contextmanager
def launched_chromium() -> Iterator[Any]:
    """A headless Chromium for a module's tests: skipped without one, but a failure in CI, which installs it."""
    import pytest
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("no Chromium: .ci/run installs Debian's `chromium` (or set $CHROMIUM to a Chrome)")
        pytest.skip("no Chromium found: `apt-get install chromium`, or set $CHROMIUM")
    with sync_playwright() as playwright:
        browser = launch(playwright, executable)
        try:
            yield browser
        finally:
            browser.close()
