"""Shared pytest options and fixtures.

No test reads the wall clock: every process a test starts, and every call into inpublic, takes "today" from
SOURCE_DATE_EPOCH, fixed here for the whole run before any test starts (and INPUBLIC_TODAY, which would win over
it, is cleared). A test that needs another day sets either itself. CI runs the suite a second time with the
clock a year ahead to prove it.
"""

from __future__ import annotations

import os

import pytest

from sites import FIXED_EPOCH  # 2026-11-22 12:00 UTC


def pytest_configure(config: pytest.Config) -> None:
    os.environ.pop("INPUBLIC_TODAY", None)
    os.environ["SOURCE_DATE_EPOCH"] = FIXED_EPOCH


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked heavy first, the rest in their usual order.

    `make test` hands out whole test files (`--dist loadfile`), so that what a module builds once for its tests
    (a site, a browser, a repository) is built on one worker and not on both; `--no-loadscope-reorder` keeps this
    order instead of pytest-xdist's, biggest file first by number of tests. So the files of heavy tests (the fuzz,
    the browser, the benchmark's smoke run, the concurrent writers) start first, one worker each, and the many
    short files fill in behind them: both workers finish within a second or two of each other.
    """
    items.sort(key=lambda item: item.get_closest_marker("heavy") is None)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen-golden",
        action="store_true",
        help="rewrite the golden .expected files of tests/plans from the current output instead of comparing",
    )


@pytest.fixture
def regen_golden(request: pytest.FixtureRequest) -> bool:
    """Whether golden tests write their .expected files (pytest --regen-golden) rather than compare."""
    return bool(request.config.getoption("--regen-golden"))
