"""Regression tests of the bugs the reliability fuzzers and soak found (docs/reliability.md)."""

from __future__ import annotations

import pytest

from generator import SchemaError
from generator.yamlload import load_yaml


@pytest.mark.parametrize(
    ("text", "where"), [("a: b\nxy\x00c\n", "f.yaml:2:3"), ("\x07", "f.yaml:1:1")]
)
def test_non_printable_characters_are_a_located_schema_error(text: str, where: str) -> None:
    """Regression (found by the fuzzer): PyYAML's ReaderError escaped from the loader."""
    with pytest.raises(SchemaError, match=f"^{where}: invalid YAML: character U\\+00"):
        load_yaml(text, "f.yaml")
