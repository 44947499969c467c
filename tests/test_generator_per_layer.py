"""Per-layer inputs (``per_layer[T]`` from ``MAPPING.*.FIELD``): transformers' sparse
``per_layer_config`` overrides, read, typed, checked and used per layer."""

from __future__ import annotations

import re
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec
import pytest

from generator import SchemaError, compile_dir
from kvarch import ConfigError
from kvarch.schema_runtime import SchemaArchConfig

SCHEMA = """\
model_types: [per_layer_test]
inputs:
  n: {type: int, from: num_hidden_layers, min: 1}
  heads: {type: int, from: num_key_value_heads, min: 1}
  dim: {type: int, from: head_dim, default: 8, min: 1}
  layer_dim: {type: "per_layer[int]", from: per_layer_config.*.head_dim, default: null, min: 1}
  layer_heads:
    type: per_layer[int]
    from: per_layer_config.*.num_key_value_heads
    default: null
    min: 1
derived:
  has_overrides: layer_dim is not None
layers:
  count: n
  num_kv_heads: coalesce(layer_heads[i], heads)
  head_dim: "coalesce(layer_dim[i], dim) if has_overrides else dim * 2"
max_length: 64
"""


def compile_one(tmp_path: Path, text: str) -> str:
    (tmp_path / "per_layer_test.yaml").write_text(text)
    return compile_dir(tmp_path).files["per_layer_test.py"]


@pytest.fixture
def cls(tmp_path: Path) -> Iterator[type[SchemaArchConfig]]:
    name = "generated._test_per_layer"
    module = types.ModuleType(name)
    sys.modules[name] = module
    exec(compile(compile_one(tmp_path, SCHEMA), "per_layer_test.py", "exec"), module.__dict__)
    yield module.PerLayerTestConfig
    sys.modules.pop(name, None)


def geometry(cfg: SchemaArchConfig) -> list[tuple[int, int]]:
    return [(s.num_kv_heads, s.k_head_dim) for s in cfg.layers()]


def test_overrides_apply_to_their_layers_only(cls: type[SchemaArchConfig]) -> None:
    config = {
        "num_hidden_layers": 3,
        "num_key_value_heads": 4,
        "per_layer_config": {"1": {"head_dim": 32, "num_key_value_heads": 1}, "2": {"x": 0}},
    }
    cfg = cls.from_hf_config(config)
    assert geometry(cfg) == [(4, 8), (1, 32), (4, 8)]
    assert cfg.layer_dim == {1: 32}  # type: ignore[attr-defined]
    assert cfg.layer_heads == {1: 1}  # type: ignore[attr-defined]


def test_absent_mapping_is_null_and_tells_the_forms_apart(cls: type[SchemaArchConfig]) -> None:
    base = {"num_hidden_layers": 2, "num_key_value_heads": 2}
    assert geometry(cls.from_hf_config(base)) == [(2, 16)] * 2  # no per_layer_config: dim * 2
    empty = cls.from_hf_config({**base, "per_layer_config": {}})
    assert empty.layer_dim == {}  # type: ignore[attr-defined]
    assert geometry(empty) == [(2, 8)] * 2


def test_integer_keys_of_a_pretrained_config_dict(cls: type[SchemaArchConfig]) -> None:
    cfg = cls.from_hf_config(
        {"num_hidden_layers": 2, "num_key_value_heads": 2, "per_layer_config": {0: {"head_dim": 4}}}
    )
    assert geometry(cfg) == [(2, 4), (2, 8)]


@pytest.mark.parametrize("codec", [msgspec.json, msgspec.msgpack])
def test_round_trip_keeps_the_overrides(cls: type[SchemaArchConfig], codec: Any) -> None:
    config = {
        "num_hidden_layers": 2,
        "num_key_value_heads": 2,
        "per_layer_config": {"1": {"head_dim": 4}},
    }
    cfg = cls.from_hf_config(config)
    back = codec.decode(codec.encode(cfg), type=cls)
    assert back.layer_dim == {1: 4}  # type: ignore[attr-defined]
    assert back.layers() == cfg.layers()


@pytest.mark.parametrize(
    ("per_layer_config", "field", "value"),
    [
        ({"1": {"head_dim": "wide"}}, "per_layer_config.1.head_dim", "'wide'"),
        ({"1": {"head_dim": 0}}, "per_layer_config.1.head_dim", "0"),
        ({"first": {"head_dim": 4}}, "per_layer_config.first", "{'head_dim': 4}"),
        ({"1": 4}, "per_layer_config.1", "4"),
        ([{"head_dim": 4}], "per_layer_config", "[{'head_dim': 4}]"),
    ],
)
def test_bad_overrides_name_the_entry(
    cls: type[SchemaArchConfig], per_layer_config: Any, field: str, value: str
) -> None:
    config = {
        "num_hidden_layers": 2,
        "num_key_value_heads": 2,
        "per_layer_config": per_layer_config,
    }
    with pytest.raises(ConfigError) as err:
        cls.from_hf_config(config)
    message = str(err.value)
    assert "PerLayerTestConfig" in message
    assert field in message
    assert value in message


def test_direct_construction_checks_values(cls: type[SchemaArchConfig]) -> None:
    good = cls.from_hf_config({"num_hidden_layers": 2, "num_key_value_heads": 2})
    fields = {**msgspec.structs.asdict(good), "layer_dim": {1: 0}}
    with pytest.raises(ConfigError, match=r"layer_dim.*\[1\].*got 0"):
        cls(**fields)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("per_layer_config.head_dim, default: null", "per-layer path (MAPPING.*.FIELD)"),
        ("per_layer_config.*.head_dim, default: 4", "default 4 is not a per_layer[int]"),
        ("per_layer_config.*.head_dim, default: null, min: x", "'min' needs a numeric type"),
    ],
)
def test_schema_errors(tmp_path: Path, change: str, message: str) -> None:
    compile_one(tmp_path, SCHEMA)  # the unchanged schema compiles
    text = SCHEMA.replace("per_layer_config.*.head_dim, default: null, min: 1", change)
    with pytest.raises(SchemaError, match=re.escape(message)):
        compile_one(tmp_path, text)


def test_a_per_layer_input_is_only_indexed(tmp_path: Path) -> None:
    text = SCHEMA.replace("coalesce(layer_dim[i], dim) if", "layer_dim + 1 if")
    with pytest.raises(SchemaError, match="needs numbers"):
        compile_one(tmp_path, text)
    text = SCHEMA.replace("coalesce(layer_dim[i], dim) if", "layer_dim[i] if")
    with pytest.raises(SchemaError, match=re.escape("int | None")):
        compile_one(tmp_path, text)
