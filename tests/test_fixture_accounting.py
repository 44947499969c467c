"""Every served family either has a published-checkpoint fixture or a row in the README's table
"Families without a published-checkpoint fixture" saying why, and the table names no other."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kvarch.coverage import decoder_families_with_kv_cache, encoder_decoder_decoders

FIXTURES = Path(__file__).parent / "fixtures"
README = FIXTURES / "configs" / "README.md"
HEADING = "## Families without a published-checkpoint fixture"


def model_types(value: Any) -> set[str]:
    """Every ``model_type`` string in a config, at any depth (text_config, decoder, ...)."""
    if isinstance(value, dict):
        found = {value["model_type"]} if isinstance(value.get("model_type"), str) else set()
        return found.union(*(model_types(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(model_types(v) for v in value))
    return set()


def families_without_fixture() -> set[str]:
    named = set().union(
        *(model_types(json.loads(p.read_text())) for p in FIXTURES.glob("configs*/*.json"))
    )
    return set(decoder_families_with_kv_cache() + encoder_decoder_decoders()) - named


def table_families(text: str) -> list[str]:
    """The first column of the table under ``HEADING`` (up to the next heading)."""
    section = text.split(HEADING, 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    cells = [row.split("|")[1].strip() for row in rows[1:]]  # past the header row
    return [c for c in cells if not set(c) <= {"-"}]  # and the |---| separator


def test_model_types_reads_every_depth() -> None:
    config = {"model_type": "a", "text_config": {"model_type": "b"}, "x": [{"model_type": "c"}]}
    assert model_types(config) == {"a", "b", "c"}


def test_table_parser_reads_the_first_column_only() -> None:
    table = "| model_type | why |\n|---|---|\n| foo | x |\n| bar | y |\n"
    text = f"{HEADING}\n\n{table}\n## Next\n| no | z |\n"
    assert table_families(text) == ["foo", "bar"]


def test_readme_table_names_exactly_the_families_without_a_fixture() -> None:
    listed = table_families(README.read_text())
    assert len(listed) == len(set(listed)), sorted(f for f in listed if listed.count(f) > 1)
    missing = families_without_fixture()
    assert sorted(missing - set(listed)) == [], "served without a fixture and not in the table"
    assert sorted(set(listed) - missing) == [], (
        "in the table but a fixture names it (or not served)"
    )
