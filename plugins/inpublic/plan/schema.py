"""The JSON Schema of progress.yaml, made from the same field list the loader reads with (plan/fields.py's PLAN)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from inpublic.plan.fields import PLAN

SCHEMA_PATH = Path(__file__).parents[1] / "schema" / "progress.schema.json"


def plan_schema() -> dict[str, Any]:
    """The schema as a dict (draft-07, which every YAML editor reads): what editors complete and check with."""
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "inpublic progress.yaml",
        **PLAN.schema(),
    }


def schema_text() -> str:
    """The schema as the text of the file shipped in the package."""
    return json.dumps(plan_schema(), indent=2, ensure_ascii=False) + "\n"
