"""Schema fuzzing (CI size; `python -m benchmarks.bench_soak` runs >= 10,000 cases): only
located ``SchemaError``s, nothing written on error, no author text in generated code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from tests.reliability.schema_fuzz import (
    FORBIDDEN,
    Workspace,
    fuzz_mutations,
    mutate_text,
    schema_dicts,
)

BASE = """\
kvarch: 1
class: ToyConfig
model_types: [toy]
inputs:
  n: {type: int, from: num_hidden_layers, min: 1}
layers:
  count: n
  kind: full
  num_kv_heads: 1
  head_dim: 8
max_length: 64
"""


def test_mutated_real_schemas_only_raise_located_schema_errors(tmp_path: Path) -> None:
    report = fuzz_mutations(tmp_path, 300, seed=8)
    assert report.failures == []
    assert report.cases == 300
    assert report.outcomes["SchemaError"] > 200  # the mutations do reach the error paths


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(schema=schema_dicts())
def test_generated_schema_structures_compile_safely_or_are_refused(
    tmp_path: Path, schema: dict[str, Any]
) -> None:
    ws = Workspace(tmp_path)
    ws.check({"toy": yaml.safe_dump(schema, sort_keys=False, allow_unicode=True)})


def test_the_workspace_check_catches_what_it_claims(tmp_path: Path) -> None:
    """The checker itself can fail: a stray identifier and an unlocated error are caught."""
    ws = Workspace(tmp_path)
    assert ws.check({"toy": BASE}) == "compiled"
    # a type no committed schema uses is still the templates' word (CI's hypothesis found it)
    floats = BASE.replace("layers:", "  scale: {type: float, default: 1.5}\nlayers:")
    assert ws.check({"toy": floats}) == "compiled"
    assert ws.check({"toy": BASE.replace("head_dim: 8", "head_dim: eval(8)")}) == "SchemaError"
    assert not FORBIDDEN & ws.vocabulary
    ws.vocabulary.discard("rt")  # every generated module uses it
    with pytest.raises(AssertionError, match="identifiers from no template"):
        ws.check({"toy": BASE})


def test_mutations_are_deterministic_per_seed() -> None:
    import random

    a = [mutate_text(random.Random(s), BASE) for s in range(20)]
    assert a == [mutate_text(random.Random(s), BASE) for s in range(20)]
    assert sum(m != BASE for m in a) >= 15
