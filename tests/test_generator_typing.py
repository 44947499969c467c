"""Whatever the type checker accepts, the generated Python passes ``mypy --strict`` and ruff."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator import compile_dir

REPO = Path(__file__).resolve().parent.parent
HEAD = """\
model_types: [{stem}]
inputs:
  n: {{type: int, from: num_hidden_layers, min: 1}}
  heads: {{type: int, default: null}}
  rate: {{type: float, default: null}}
  pattern: {{type: str, default: LLG}}
  ids: {{type: "list[int]", default: null}}
  names: {{type: "list[str]", default: null}}
  mla_rank: {{type: int, default: 4}}
"""
BODIES = {
    "nullable_max": """\
layers:
  count: n
  kind: {expr: "'sliding' if pattern[i % len(pattern)] == 'L' else 'full'"}
  window: heads
  num_kv_heads: coalesce(heads, 1)
  k_head_dim: 8
  v_head_dim: max(4, coalesce(heads, 2) * 2)
max_length: min_present(heads, n)
""",
    "float_math": """\
derived:
  scaled: int(n * coalesce(rate, 1.5) / 2)
  half: n / 2 > 1.0
checks:
  - expr: half and scaled >= 0
    message: positive
layers:
  count: n
  kind: {list: names, expr: "'none' if i % 2 == 1 else 'full'"}
  num_kv_heads: 1
  head_dim: ceil_div(scaled + 1, 2)
  kv_source: None
max_length: scaled + 1
""",
    "mla_shared": """\
mla:
  latent_dim: mla_rank * 2
layers:
  count: n
  kind: {expr: "'full' if ids is None or i in (0, 1) else 'chunked'"}
  window: 4
  num_kv_heads: 1
  k_head_dim: mla_rank
  v_head_dim: mla_rank
  kv_source: last_index(kinds, kind, 2) if i >= 2 else None
max_length: coalesce(heads, n, 2048)
""",
    "conditional_window": """\
  rope: {type: "list[int]", default: []}
  kv: {type: int, default: 8, keep_null: true}
layers:
  count: n
  kind: {expr: "'sliding' if len(rope) > 0 and rope[i % len(rope)] == 0 else 'full'"}
  window: "coalesce(kv, 4) if n > 2 else None"
  num_kv_heads: coalesce(kv, 1)
  head_dim: 8
max_length: 2048
""",
}


#: Children: one narrows inputs (``extends``: a subclass), one widens one (``based_on``:
#: stand-alone).
CHILDREN = {
    "narrow_child": """\
extends: float_math
model_types: [narrow_child]
inputs:
  heads: {default: 2}
  rate: {default: 0.5}
derived:
  scaled: int(n * rate) + heads
extra_checks:
  - expr: heads <= n
    message: at most n
""",
    "widen_child": """\
based_on: conditional_window
model_types: [widen_child]
inputs:
  mla_rank: {default: null}
""",
}


@pytest.mark.slow
def test_generated_code_of_varied_schemas_passes_mypy_strict_and_ruff(tmp_path: Path) -> None:
    schemas = tmp_path / "schemas"
    schemas.mkdir()
    for stem, body in BODIES.items():
        (schemas / f"{stem}.yaml").write_text(HEAD.format(stem=stem) + body)
    for stem, body in CHILDREN.items():
        (schemas / f"{stem}.yaml").write_text(body)
    for extra in (REPO / "tests" / "golden" / "schemas").glob("*.yaml"):
        (schemas / extra.name).write_text(extra.read_text())
    package = tmp_path / "out" / "gentest"
    package.mkdir(parents=True)
    files = compile_dir(schemas, package="gentest").files
    for name, text in files.items():
        (package / name).write_text(text)
    assert "class NarrowChildConfig(FloatMathConfig," in files["narrow_child.py"]
    assert "class WidenChildConfig(rt.SchemaArchConfig," in files["widen_child.py"]
    assert "class GoldenChildConfig(GoldenConfig," in files["golden_child.py"]
    modules = sorted(str(p) for p in package.glob("*.py"))
    assert len(modules) == len(BODIES) + len(CHILDREN) + 3  # golden x2, __init__
    mypy = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *modules],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert mypy.returncode == 0, mypy.stdout
    ruff = subprocess.run(
        [str(Path(sys.executable).parent / "ruff"), "check", "--isolated", "--line-length", "100",
         "--select", "E,F,W,I,B,UP,RUF,SIM", "--target-version", "py311", *modules],
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    assert ruff.returncode == 0, ruff.stdout
