"""Language features issue 4 relies on, compiled from test schemas and run for real:
sub-config roots, nested paths, aliases, KV sharing, chunked/none/cross kinds, per-kind dims."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator import compile_dir
from kvarch import ConfigError, DType, KVCacheParams, MultiKVCacheParams
from kvarch.layers import ExtraKeys, LayerSpec, State
from kvarch.schema_runtime import SchemaArchConfig

HEADER = """\
model_types: [{stem}]
inputs:
  n: {{type: int, from: [num_hidden_layers, n_layer], min: 1}}
  heads: {{type: int, from: [num_key_value_heads, attn_config.kv_n_heads, n_head], min: 1}}
  dim: {{type: int, from: head_dim, default: 8}}
  max_len: {{type: int, from: [max_position_embeddings, n_positions], default: 2048}}
"""


@pytest.fixture
def compile_schema(tmp_path: Path) -> Iterator[Any]:
    loaded: list[str] = []

    def build(stem: str, body: str) -> type[SchemaArchConfig]:
        (tmp_path / f"{stem}.yaml").write_text(HEADER.format(stem=stem) + body)
        source = compile_dir(tmp_path).files[f"{stem}.py"]
        name = f"generated._test_{stem}"
        module = types.ModuleType(name)
        sys.modules[name] = module
        loaded.append(name)
        exec(compile(source, f"{stem}.py", "exec"), module.__dict__)
        cls: type[SchemaArchConfig] = next(
            v
            for v in vars(module).values()
            if isinstance(v, type) and issubclass(v, SchemaArchConfig) and v.__module__ == name
        )
        (tmp_path / f"{stem}.yaml").unlink()
        return cls

    yield build
    for name in loaded:
        sys.modules.pop(name, None)


PLAIN = """\
layers:
  count: n
  num_kv_heads: heads
  head_dim: dim
max_length: max_len
"""


def kinds(cfg: SchemaArchConfig) -> list[str]:
    return [s.kind for s in cfg.layers()]


def test_aliases_nested_paths_and_null_as_absent(compile_schema: Any) -> None:
    cls = compile_schema("alias", PLAIN)
    cfg = cls.from_hf_config(
        {"n_layer": 2, "num_hidden_layers": None, "attn_config": {"kv_n_heads": 3}}
    )
    assert (cfg.num_layers, cfg.num_key_value_heads, cfg.head_dim) == (2, 3, 8)
    assert cfg.model_max_seq_len == 2048
    cfg = cls.from_hf_config(
        {"num_hidden_layers": 2, "n_head": 4, "head_dim": None, "n_positions": 64}
    )
    assert (cfg.num_key_value_heads, cfg.head_dim, cfg.model_max_seq_len) == (4, 8, 64)
    with pytest.raises(ConfigError, match=r"AliasConfig\.num_key_value_heads or "):
        cls.from_hf_config({"num_hidden_layers": 2, "attn_config": 5})


def test_sub_config_root(compile_schema: Any) -> None:
    cls = compile_schema("vlm", "root: [text_config, llm_config]\n" + PLAIN)
    text = {"num_hidden_layers": 3, "num_key_value_heads": 2}
    assert cls.from_hf_config({"text_config": text, "num_hidden_layers": 99}).num_layers == 3
    assert cls.from_hf_config({"llm_config": text}).num_layers == 3
    with pytest.raises(ConfigError, match=r"VlmConfig\.text_config.num_hidden_layers"):
        cls.from_hf_config({"text_config": {"num_key_value_heads": 2}})
    with pytest.raises(ConfigError, match=r"text_config or llm_config: got None"):
        cls.from_hf_config({"num_hidden_layers": 3})


def test_kv_sharing_reuses_the_last_earlier_layer_of_the_same_kind(compile_schema: Any) -> None:
    body = """\
  shared: {type: int, from: num_kv_shared_layers, default: 0, min: 0}
  window: {type: int, from: sliding_window, default: 4}
  layer_types: {type: "list[str]", default: null}
derived:
  first_shared: n - shared
checks:
  - expr: shared < n
    message: fewer than num_hidden_layers
layers:
  count: n
  kind: {list: layer_types}
  window: window
  num_kv_heads: heads
  head_dim: "dim * 2 if kind == 'full' else dim"
  kv_source: last_index(kinds, kind, first_shared) if i >= first_shared else None
max_length: max_len
"""
    cls = compile_schema("share", body)
    types_ = ["sliding_attention", "sliding_attention", "full_attention"] * 2
    cfg = cls.from_hf_config(
        {"num_hidden_layers": 6, "num_key_value_heads": 2, "num_kv_shared_layers": 3}
        | {"layer_types": types_}
    )
    assert [(s.kind, s.kv_source) for s in cfg.layers()[3:]] == [
        ("shared", 1),
        ("shared", 1),
        ("shared", 2),
    ]
    assert cfg.layers()[2] == LayerSpec(
        index=2, kind="full", num_kv_heads=2, k_head_dim=16, v_head_dim=16
    )
    params = cfg.get_kv_params()
    assert isinstance(params, MultiKVCacheParams)
    assert [(g.attention, g.layer_indices, g.params.head_dim) for g in params.groups] == [
        ("sliding", [0, 1], 8),
        ("full", [2], 16),
    ]
    assert cfg.num_layers == 3
    with pytest.raises(
        ConfigError, match=r"ShareConfig\.shared \(from num_kv_shared_layers\): got 6"
    ):
        cls.from_hf_config(
            {"num_hidden_layers": 6, "num_key_value_heads": 2, "num_kv_shared_layers": 6}
            | {"layer_types": types_}
        )


def test_hybrid_kinds_from_a_list_with_a_custom_map(compile_schema: Any) -> None:
    body = """\
  block_types: {type: "list[str]", from: layers_block_type, default: null}
  chunk: {type: int, from: attention_chunk_size, default: 16}
layers:
  count: n
  kind:
    list: block_types
    map: {attention: full, mamba: none, moe_chunk: chunked, xattn: cross}
  window: chunk
  num_kv_heads: heads
  head_dim: dim
max_length: max_len
"""
    cls = compile_schema("hybrid", body)
    cfg = cls.from_hf_config(
        {"num_hidden_layers": 4, "num_key_value_heads": 2}
        | {"layers_block_type": ["mamba", "attention", "moe_chunk", "xattn"]}
    )
    assert kinds(cfg) == ["none", "full", "chunked", "cross"]
    assert cfg.layers()[0] == LayerSpec(index=0, kind="none")
    assert cfg.layers()[2].window == 16
    cross = LayerSpec(index=3, kind="cross", num_kv_heads=2, k_head_dim=8, v_head_dim=8)
    assert cfg.layers()[3] == cross  # the K/V it keeps of the vision states
    assert cross.bytes_per_token(DType.bfloat16) == 0
    assert cfg.num_layers == 2
    with pytest.raises(ConfigError, match="at least one layer keeping KV"):
        cls.from_hf_config(
            {"num_hidden_layers": 1, "num_key_value_heads": 2, "layers_block_type": ["mamba"]}
        )


def test_list_membership_and_modulo_patterns(compile_schema: Any) -> None:
    body = """\
  attn_ids: {type: "list[int]", from: hybrid_layer_ids}
  period: {type: int, from: attn_layer_period, default: 2, min: 1}
layers:
  count: n
  kind: {expr: "'full' if i in attn_ids or i % period == period - 1 else 'none'"}
  num_kv_heads: heads
  head_dim: dim
max_length: max_len
"""
    cls = compile_schema("pattern", body)
    cfg = cls.from_hf_config(
        {"num_hidden_layers": 6, "num_key_value_heads": 1, "hybrid_layer_ids": [0]}
        | {"attn_layer_period": 3}
    )
    assert kinds(cfg) == ["full", "none", "full", "none", "none", "full"]
    assert isinstance(cfg.get_kv_params(), KVCacheParams)


def test_rope_scaling_opt_in_and_checks(compile_schema: Any) -> None:
    body = """\
  rope_type: {type: str, from: [rope_scaling.rope_type, rope_scaling.type], default: null}
  factor: {type: float, from: rope_scaling.factor, default: null}
checks:
  - expr: heads <= 8
    message: at most 8 KV heads
layers:
  count: n
  num_kv_heads: heads
  k_head_dim: dim
  v_head_dim: dim // 2
max_length: "int(max_len * coalesce(factor, 1.0)) if rope_type == 'dynamic' else max_len"
"""
    cls = compile_schema("rope", body)
    base = {"num_hidden_layers": 1, "num_key_value_heads": 2, "max_position_embeddings": 100}
    assert cls.from_hf_config(base).model_max_seq_len == 100
    dynamic = base | {"rope_scaling": {"type": "dynamic", "factor": 2}}
    assert cls.from_hf_config(dynamic).model_max_seq_len == 200
    yarn = base | {"rope_scaling": {"rope_type": "yarn", "factor": 4.0}}
    assert cls.from_hf_config(yarn).model_max_seq_len == 100
    with pytest.raises(ConfigError, match=r"RopeConfig\.heads \(from num_key_value_heads\): got 9"):
        cls.from_hf_config(base | {"num_key_value_heads": 9})
    cfg = cls.from_hf_config(base)
    assert (cfg.layers()[0].k_head_dim, cfg.layers()[0].v_head_dim, cfg.head_dim) == (8, 4, 8)
    with pytest.raises(ConfigError, match=r"RopeConfig\.rope_scaling\.factor: got 'x'"):
        cls.from_hf_config(base | {"rope_scaling": {"factor": "x"}})


def test_runtime_arithmetic_errors_become_config_errors(compile_schema: Any) -> None:
    body = """\
  groups: {type: int, from: num_groups, default: 0}
layers:
  count: n
  num_kv_heads: heads
  head_dim: dim // groups
max_length: max_len
"""
    cls = compile_schema("divzero", body)
    with pytest.raises(ConfigError, match="integer division or modulo by zero"):
        cls.from_hf_config({"num_hidden_layers": 1, "num_key_value_heads": 1})


def test_list_defaults_and_list_index_paths(compile_schema: Any) -> None:
    body = """\
  cross: {type: "list[int]", from: cross_attention_layers, default: [1, 3]}
  pattern: {type: "list[str]", from: attention_types.0.0, default: [global, local]}
  repeat: {type: int, from: attention_types.0.1, default: 2, min: 1}
layers:
  count: n
  kind:
    expr: >-
      'cross' if i in cross
      else ('sliding' if pattern[i % len(pattern)] == 'local' else 'full')
  window: 4
  num_kv_heads: heads
  head_dim: dim
max_length: max_len
"""
    cls = compile_schema("listdef", body)
    base = {"num_hidden_layers": 4, "num_key_value_heads": 2}
    cfg = cls.from_hf_config(base)
    assert kinds(cfg) == ["full", "cross", "full", "cross"]
    assert cfg.cross == [1, 3] and cfg.pattern == ["global", "local"]
    cfg.cross.append(0)  # each config owns its default list
    assert cls.from_hf_config(base).cross == [1, 3]
    assert cls(n=4, heads=2, dtype=cfg.dtype).cross == [1, 3]
    cfg = cls.from_hf_config(
        base | {"cross_attention_layers": [], "attention_types": [[["local", "global"], 2]]}
    )
    assert kinds(cfg) == ["sliding", "full", "sliding", "full"]
    assert cfg.repeat == 2
    with pytest.raises(ConfigError, match=r"ListdefConfig\.attention_types\.0\.1: got 'x'"):
        cls.from_hf_config(base | {"attention_types": [[["local"], "x"]]})
    assert cls.from_hf_config(base | {"attention_types": []}).pattern == ["global", "local"]


def test_max_length_from_the_smallest_present_key(compile_schema: Any) -> None:
    body = """\
  seq_length: {type: int, default: null}
layers:
  count: n
  num_kv_heads: heads
  head_dim: dim
max_length: coalesce(min_present(max_len, seq_length), 2048)
"""
    cls = compile_schema("minlen", body)
    base = {"num_hidden_layers": 1, "num_key_value_heads": 1}
    assert cls.from_hf_config(base | {"seq_length": 512}).model_max_seq_len == 512
    both = base | {"seq_length": 4096, "n_positions": 1024}
    assert cls.from_hf_config(both).model_max_seq_len == 1024


def test_a_shared_layer_cannot_read_another_shared_layer(compile_schema: Any) -> None:
    body = """\
layers:
  count: n
  num_kv_heads: heads
  head_dim: dim
  kv_source: "i - 1 if i >= 1 else None"
max_length: max_len
"""
    cls = compile_schema("chain", body)
    with pytest.raises(ConfigError, match=r"ChainConfig\.layers\[2\]\.kv_source: got 1"):
        cls.from_hf_config({"num_hidden_layers": 3, "num_key_value_heads": 1})
    two = cls.from_hf_config({"num_hidden_layers": 2, "num_key_value_heads": 1})
    assert [s.kind for s in two.layers()] == ["full", "shared"]


def test_unless_present_skips_a_field_another_one_overrides(compile_schema: Any) -> None:
    cls = compile_schema(
        "unlesspresent",
        """\
  pattern: {type: int, from: sliding_window_pattern, default: 4, unless_present: layer_types}
  layer_types: {type: "list[str]", default: null}
layers:
  count: n
  kind: {list: layer_types, expr: "'full' if (i + 1) % pattern == 0 else 'sliding'"}
  window: 8
  num_kv_heads: heads
  head_dim: dim
max_length: max_len
""",
    )
    base = {"num_hidden_layers": 4, "n_head": 4}
    listed = ["sliding_attention", "full_attention"] * 2
    both = cls.from_hf_config({**base, "sliding_window_pattern": "LLLG", "layer_types": listed})
    assert (both.pattern, kinds(both)) == (4, ["sliding", "full"] * 2)  # the list decides
    two = cls.from_hf_config({**base, "sliding_window_pattern": 2})
    assert kinds(two) == ["sliding", "full"] * 2
    expected = r"UnlesspresentConfig\.sliding_window_pattern: got 'LLLG'; expected an integer"
    with pytest.raises(ConfigError, match=expected):  # without the list it is read, and typed
        cls.from_hf_config({**base, "sliding_window_pattern": "LLLG"})


def test_keep_null_tells_an_explicit_null_from_an_absent_field(compile_schema: Any) -> None:
    cls = compile_schema(
        "keepnull",
        """\
  kv: {type: int, from: [num_key_value_heads, kv_heads], default: 8, keep_null: true, min: 1}
  window: {type: int, from: sliding_window, default: 16, keep_null: true, min: 1}
derived:
  kv_heads: coalesce(kv, heads)
layers:
  count: n
  kind: {expr: "'full' if window is None else 'sliding'"}
  window: window
  num_kv_heads: kv_heads
  head_dim: dim
max_length: max_len
""",
    )
    base = {"num_hidden_layers": 2, "n_head": 4}
    absent = cls.from_hf_config(base)
    assert (absent.kv, absent.window, absent.num_key_value_heads) == (8, 16, 8)
    assert kinds(absent) == ["sliding"] * 2
    null = cls.from_hf_config({**base, "num_key_value_heads": None, "sliding_window": None})
    assert (null.kv, null.window, null.num_key_value_heads) == (None, None, 4)
    assert kinds(null) == ["full"] * 2
    alias = cls.from_hf_config({**base, "num_key_value_heads": None, "kv_heads": 2})
    assert alias.kv == 2  # a later alias with a value still wins over an earlier null
    with pytest.raises(ConfigError, match=r"KeepnullConfig\.sliding_window: got 0"):
        cls.from_hf_config({**base, "sliding_window": 0})


def test_empty_list_default_lets_expressions_index_an_optional_list(compile_schema: Any) -> None:
    cls = compile_schema(
        "listdefault",
        """\
  rope: {type: "list[int]", from: no_rope_layers, default: []}
checks:
  - expr: len(rope) == 0 or len(rope) == n
    field: rope
    message: one entry per layer
layers:
  count: n
  kind:
    expr: "('full' if rope[i] == 1 else 'sliding') if len(rope) > 0 else 'full'"
  window: 4
  num_kv_heads: heads
  head_dim: dim
max_length: max_len
""",
    )
    base = {"num_hidden_layers": 3, "n_head": 2}
    assert kinds(cls.from_hf_config(base)) == ["full"] * 3
    assert kinds(cls.from_hf_config({**base, "no_rope_layers": None})) == ["full"] * 3
    listed = cls.from_hf_config({**base, "no_rope_layers": [1, 0, 1]})
    assert kinds(listed) == ["full", "sliding", "full"]
    a, b = cls.from_hf_config(base), cls.from_hf_config(base)
    assert a.rope == [] and a.rope is not b.rope  # the default is never shared
    with pytest.raises(ConfigError, match=r"ListdefaultConfig\.rope \(from no_rope_layers\)"):
        cls.from_hf_config({**base, "no_rope_layers": [1, 0]})


def test_extra_keys_per_layer_bytes_and_groups(compile_schema: Any) -> None:
    cls = compile_schema(
        "indexed",
        """\
  index_dim: {type: int, default: 8}
layers:
  count: n
  kind: {expr: "'none' if i == 3 else 'full'"}
  num_kv_heads: heads
  head_dim: dim
  extra_keys:
    indexer: {num_heads: "1 if i % 2 == 0 else 0", head_dim: index_dim}
max_length: max_len
""",
    )
    cfg = cls.from_hf_config({"num_hidden_layers": 4, "n_head": 2})
    extras = [s.extra_keys for s in cfg.layers()]
    indexer = (ExtraKeys(name="indexer", num_heads=1, head_dim=8),)
    assert extras == [indexer, (), indexer, ()]  # layer 3 keeps no KV: no keys either
    assert [s.bytes_per_token(DType.float32) for s in cfg.layers()] == [
        4 * (2 * 2 * 8 + 8), 4 * 2 * 2 * 8, 4 * (2 * 2 * 8 + 8), 0,
    ]  # fmt: skip
    params = cfg.get_kv_params()
    assert isinstance(params, MultiKVCacheParams)  # with and without the indexer: two groups
    assert [(g.layer_indices, g.params.extra_key_dim) for g in params.groups] == [
        ([0, 2], 8),
        ([1], 0),
    ]
    with pytest.raises(ConfigError, match=r"layers\[0\]\.extra_keys\.indexer\.head_dim: got 0"):
        cls.from_hf_config({"num_hidden_layers": 4, "n_head": 2, "index_dim": 0})


def test_state_per_layer_and_per_sequence(compile_schema: Any) -> None:
    cls = compile_schema(
        "stateful",
        """\
  conv_width: {type: int, default: 4}
layers:
  count: n
  kind: {expr: "'full' if i == 1 else 'none'"}
  num_kv_heads: heads
  head_dim: dim
  state:
    conv: {shape: ["6 if kind == 'none' else 0", conv_width]}
    ssm: {shape: [2, 3, "5 if kind == 'none' else 0"]}
max_length: max_len
""",
    )
    cfg = cls.from_hf_config({"num_hidden_layers": 3, "n_head": 2})
    conv, ssm = State(name="conv", shape=(6, 4)), State(name="ssm", shape=(2, 3, 5))
    assert [s.state for s in cfg.layers()] == [(conv, ssm), (), (conv, ssm)]
    assert [s.state_elements for s in cfg.layers()] == [54, 0, 54]
    assert cfg.state_elements_per_sequence == 108
    assert cfg.state_bytes_per_sequence == DType.float32.nbytes(108)  # the config's dtype
    assert cfg.layers()[1].bytes_per_token(DType.float32) == 4 * 2 * 2 * 8  # state is not per token
    with pytest.raises(ConfigError, match=r"layers\[0\]\.state\.conv\.shape\[1\]: got -1"):
        cls.from_hf_config({"num_hidden_layers": 3, "n_head": 2, "conv_width": -1})
