"""Render the README's pictures from the example site, so that they show the product as it is.

Usage: .venv/bin/python scripts/screenshots.py [--out .github/readme]

It builds the example site as the tests do (a strict build, "today" fixed at 22 November 2026), serves it on
127.0.0.1 and photographs, in headless Chromium (Debian's `chromium`, as the browser tests use):

- home.png: the home page on a laptop;
- report.png: the weekly report of 2026-W47 on a laptop;
- commitments.png: the commitments page on a laptop, once it exists;
- phone-dark.png: the home page on a phone in dark mode.

Material's font, Roboto, comes from Google Fonts, which the browser is not allowed to reach here: install
Debian's `fonts-roboto` so that the pictures use it (the script says when it is missing).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import chromium_path, launch, offline, serve  # noqa: E402
from sites import build  # noqa: E402

LAPTOP = {"viewport": {"width": 1280, "height": 1100}, "color_scheme": "light"}
PHONE_DARK = {"viewport": {"width": 390, "height": 844}, "color_scheme": "dark", "is_mobile": True,
              "has_touch": True, "device_scale_factor": 2}
SHOTS = [  # file, page, device
    ("home.png", "", LAPTOP),
    ("report.png", "reports/2026-W47/", LAPTOP),
    ("commitments.png", "commitments/", LAPTOP),
    ("phone-dark.png", "", PHONE_DARK),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / ".github" / "readme", help="where to write the PNGs")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        print("no Chromium: `apt-get install chromium`, or set $CHROMIUM", file=sys.stderr)
        return 1
    if "Roboto" not in subprocess.run(["fc-list"], capture_output=True, text=True, check=False).stdout:
        print("warning: Roboto is not installed (`apt-get install fonts-roboto`): the pictures use another font",
              file=sys.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        result = build(ROOT, Path(tmp) / "site")
        if result.returncode != 0:
            print(result.output, file=sys.stderr)
            return 1
        with serve(result.site) as base, sync_playwright() as playwright:
            browser = launch(playwright, executable)
            for name, path, device in SHOTS:
                if not (result.site / path / "index.html").is_file():
                    print(f"skipped {name}: {path} is not in the site")
                    continue
                context = offline(browser.new_context(**device))
                page = context.new_page()
                page.goto(base + path)
                page.evaluate("document.fonts.ready")
                page.screenshot(path=str(args.out / name))
                context.close()
                print(f"wrote {(args.out / name).relative_to(ROOT) if args.out.is_relative_to(ROOT) else name}")
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
