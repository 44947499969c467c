"""The editor JSON Schema stays in step with the keys and types the compiler accepts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.schema import INPUT_KEYS, INPUT_TYPES, KIND_KEYS, LAYER_KEYS, TOP_KEYS
from kvarch.schema_runtime import LAYER_KINDS

SCHEMA: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parent.parent / "schemas" / "kvarch-schema.json").read_text()
)


def test_top_level_keys_match() -> None:
    assert set(SCHEMA["properties"]) == set(TOP_KEYS)


def test_input_layer_and_kind_keys_match() -> None:
    props = SCHEMA["properties"]
    input_spec = props["inputs"]["additionalProperties"]["anyOf"][1]
    assert set(input_spec["properties"]) == set(INPUT_KEYS)
    assert set(props["layers"]["properties"]) == set(LAYER_KEYS)
    kind_spec = props["layers"]["properties"]["kind"]["anyOf"][1]
    assert set(kind_spec["properties"]) == set(KIND_KEYS)


def test_enums_match() -> None:
    assert SCHEMA["definitions"]["type"]["enum"] == list(INPUT_TYPES)
    assert SCHEMA["definitions"]["kind"]["enum"] == list(LAYER_KINDS)
