"""The generated registry: a table of its classes (lookup logic in ``kvarch.registry``) and an
``__all__`` that passes ruff (RUF022)."""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

from generator import compile_dir
from generator.render import ruff_binary

SCHEMA = """\
class: {cls}
model_types: [{stem}]
inputs:
  num_hidden_layers: {{type: int, default: 2}}
layers:
  count: num_hidden_layers
  num_kv_heads: 1
  head_dim: 8
max_length: 16
"""


def test_registry_exports_are_in_ruffs_order(tmp_path: Path) -> None:
    schemas = tmp_path / "schemas"
    schemas.mkdir()
    for stem, cls in (("zeta", "ZetaConfig"), ("axk", "AXKConfig"), ("alpha", "AlphaConfig")):
        (schemas / f"{stem}.yaml").write_text(SCHEMA.format(cls=cls, stem=stem), encoding="utf-8")
    source = compile_dir(schemas).files["__init__.py"]
    tree = ast.parse(source)
    exports = next(
        ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
    )
    assert exports == sorted(exports) and "UnknownArchitectureError" in exports
    for stem, cls in (("zeta", "ZetaConfig"), ("axk", "AXKConfig"), ("alpha", "AlphaConfig")):
        assert f'"{stem}": "{stem}:{cls}",' in source  # one row per model type
    init = tmp_path / "__init__.py"
    init.write_text(source, encoding="utf-8")
    lint = subprocess.run(
        [ruff_binary(), "check", "--isolated", "--select", "RUF022,F401", str(init)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert lint.returncode == 0, lint.stdout


def test_registry_reads_its_two_flat_tables() -> None:
    from kvarch.registry import Registry

    registry = Registry(
        "pkg",
        model_types={"b": "beta:BetaConfig", "b2": "beta:BetaConfig", "a": "alpha:AConfig"},
        architectures={"BetaForCausalLM": "b", "BetaLM": "b2", "AForCausalLM": "a"},
    )
    assert registry.classes == {"AConfig": "alpha", "BetaConfig": "beta"}
    assert registry.model_types == {"a": "AConfig", "b": "BetaConfig", "b2": "BetaConfig"}
    assert registry.architectures == {
        "AForCausalLM": "AConfig",
        "BetaForCausalLM": "BetaConfig",
        "BetaLM": "BetaConfig",
    }
    assert registry.served["BetaConfig"] == (("b", "b2"), ("BetaForCausalLM", "BetaLM"))
