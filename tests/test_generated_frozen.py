"""Frozen configs: no field changes behind validation; copies re-validate; the declared bounds
hold on every construction path (msgspec enforces them on convert / decode)."""

from __future__ import annotations

import msgspec
import pytest

import generated
from kvarch import ConfigError, KVCacheParams

LLAMA = {
    "model_type": "llama",
    "num_hidden_layers": 32,
    "hidden_size": 4096,
    "num_attention_heads": 32,
    "num_key_value_heads": 8,
}


def test_fields_cannot_change_behind_validation() -> None:
    cfg = generated.from_hf_config(LLAMA)
    params = cfg.get_kv_params()
    for name, value in (("num_hidden_layers", 4), ("num_kv_heads", 3), ("dtype", None)):
        with pytest.raises(AttributeError):
            setattr(cfg, name, value)
    assert cfg.num_layers == 32 and cfg.get_kv_params() is params


def test_replace_revalidates_and_never_reuses_a_stale_memo() -> None:
    cfg = generated.from_hf_config(LLAMA)
    assert cfg.get_kv_params().num_layers == 32 and len(cfg.layers()) == 32
    smaller = msgspec.structs.replace(cfg, num_hidden_layers=4)
    params = smaller.get_kv_params()
    assert isinstance(params, KVCacheParams)
    assert smaller.num_layers == params.num_layers == len(smaller.layers()) == 4
    with pytest.raises(ConfigError, match=r"num_kv_heads \(from num_key_value_heads\): got 3"):
        msgspec.structs.replace(cfg, num_kv_heads=3)  # not a divisor of 32 heads
    with pytest.raises(ConfigError, match="num_hidden_layers: got 0; expected an integer >= 1"):
        msgspec.structs.replace(cfg, num_hidden_layers=0)


def test_layers_are_a_copy_of_the_memo() -> None:
    cfg = generated.from_hf_config(LLAMA)
    cfg.layers().clear()
    assert len(cfg.layers()) == 32


def test_declared_bounds_hold_on_convert_and_decode() -> None:
    cls = generated.resolve(LLAMA)
    fields = msgspec.to_builtins(generated.from_hf_config(LLAMA))
    assert msgspec.convert(fields, cls).num_layers == 32
    with pytest.raises(msgspec.ValidationError, match=r"Expected `int` >= 1 - at `\$.hidden_size`"):
        msgspec.convert({**fields, "hidden_size": 0}, cls)
    with pytest.raises(msgspec.ValidationError, match=r">= 1 - at `\$.num_kv_heads`"):
        msgspec.json.decode(msgspec.json.encode({**fields, "num_kv_heads": -2}), type=cls)
    # the schema's checks run too (msgspec reports a ValueError from __post_init__ as its own)
    with pytest.raises(msgspec.ValidationError, match="got 3; expected a divisor of num_att"):
        msgspec.convert({**fields, "num_kv_heads": 3}, cls)


def test_kinds_memoized_per_layer_count_stay_per_class_and_count() -> None:
    # gemma2's kind rule reads only the layer index: its kinds are memoized per (class, count)
    gemma2 = {"model_type": "gemma2", "hidden_size": 2304, "num_attention_heads": 8}
    for n in (3, 4, 3):
        cfg = generated.from_hf_config({**gemma2, "num_hidden_layers": n})
        kinds = [s.kind for s in cfg.layers()]
        assert kinds == ["sliding", "full", "sliding", "full"][:n]
    first = generated.from_hf_config({**gemma2, "num_hidden_layers": 4})
    first._layer_kinds().append("full")  # a caller's copy: the memo is untouched
    assert len(generated.from_hf_config({**gemma2, "num_hidden_layers": 4}).layers()) == 4
    cwm = generated.from_hf_config({"model_type": "cwm", "num_hidden_layers": 4})
    assert [s.kind for s in cwm.layers()] == ["full", "sliding", "sliding", "sliding"]
