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

    `pytest -n 2` hands the tests out in this order; when the fuzz parts or the browser came last, as their file
    names put them, one worker ran them alone for the last 20 seconds while the other had finished. The longest
    jobs first is the usual cure, with `--maxschedchunk 1` (as `make test` runs): by default pytest-xdist first
    gives each worker a block of a quarter of its share, so the first worker got every heavy test.
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
