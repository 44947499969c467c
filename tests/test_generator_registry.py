"""The generated registry: a table of its classes (lookup logic in ``kvarch.registry``) and an
``__all__`` that passes ruff (RUF022)."""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

from generator import compile_dir
from generator.render import ruff_binary

REPO = Path(__file__).resolve().parent.parent

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


def test_a_class_reads_its_model_types_and_architectures_from_the_registry_table() -> None:
    import generated
    from generated.apertus import ApertusConfig
    from generated.mamba2_hybrid import Mamba2HybridConfig

    assert ApertusConfig.MODEL_TYPES == ("apertus", "apertus1p5_text")
    assert ApertusConfig.ARCHITECTURES == ("ApertusForCausalLM", "Apertus1p5TextForCausalLM")
    assert "MODEL_TYPES" not in (REPO / "generated" / "apertus.py").read_text()
    assert Mamba2HybridConfig.MODEL_TYPES == () == Mamba2HybridConfig.ARCHITECTURES  # abstract
    for name, module in generated.CLASSES.items():
        cls = getattr(generated, name)
        assert all(generated.MODEL_TYPES[t] == name for t in cls.MODEL_TYPES), module
        assert all(generated.ARCHITECTURES[a] == name for a in cls.ARCHITECTURES), module
        assert cls.MODEL_TYPES, module

    class HandWritten(ApertusConfig, frozen=True, kw_only=True, dict=True):
        pass

    assert HandWritten.MODEL_TYPES == ()  # no registry row serves it
