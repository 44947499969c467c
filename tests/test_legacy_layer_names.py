"""Sparse-attention layer names of transformers before 5.24: 5.17 (the GPU machine's release)
writes DSA layers as ``deepseek_sparse_attention`` and QSA layers as ``qwen_sparse_attention``
where 5.24 writes ``indexed_attention``; 5.24 itself remaps the old names on load
(``remap_legacy_layer_types``), and the cache is the same. kvarch reads a config.json with the
old names to the same layers, and those equal what transformers 5.24 caches for it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import kvarch
from kvarch.dtype import DType
from kvarch.errors import ConfigError
from tests.oracle.compare import mismatches
from tests.oracle.truth import cache_truth
from tests.oracle.variants import VARIANTS, make_config

FIXTURES = Path(__file__).parent / "fixtures" / "configs"
BY_ID = {v.id: v for v in VARIANTS}
#: the name 5.17 writes for 5.24's "indexed_attention", per family
OLD_NAME = {
    "deepseek_v32": "deepseek_sparse_attention",
    "glm_moe_dsa": "deepseek_sparse_attention",
    "axk2": "deepseek_sparse_attention",
    "hy_v4": "deepseek_sparse_attention",
    "dots3_note_text": "deepseek_sparse_attention",
    "qwen4_exp_text": "qwen_sparse_attention",
}
#: tiny variants whose config lists layer_types with indexed layers
VARIANT_IDS = [
    "deepseek-v32-layer-types",
    "glm-moe-dsa",
    "axk2-layer-types",
    "hy-v4-mla",
    "dots3-note-text-default-schedule",
    "qwen4-exp-text-types",
]


def as_517(config: dict[str, Any], name: str) -> dict[str, Any]:
    """``config`` with its indexed layers named as transformers 5.17 writes them."""
    types = config["layer_types"]
    assert "indexed_attention" in types  # else nothing is renamed and the test proves nothing
    return {**config, "layer_types": [name if t == "indexed_attention" else t for t in types]}


def layers(config: Any) -> list[Any]:
    return list(kvarch.inspect(config, dtype=DType.bfloat16).layers)


def test_deepseek_v32_exp_published_config_as_517_writes_it() -> None:
    """DeepSeek-V3.2-Exp at full size: 61 latent layers, each with its 128-wide indexer key."""
    config = json.loads((FIXTURES / "deepseek-v3.2-exp.json").read_text())
    new = {**config, "layer_types": ["indexed_attention"] * 61}
    old = as_517(new, "deepseek_sparse_attention")
    layout = kvarch.inspect(old, dtype=DType.bfloat16)
    assert layout.layers == kvarch.inspect(new, dtype=DType.bfloat16).layers
    assert layout.layers == kvarch.inspect(config, dtype=DType.bfloat16).layers  # no list
    assert layout.bytes_per_token == 61 * (576 + 128) * 2  # 85888: latent + indexer key

    from transformers import AutoConfig

    data = dict(old)
    hf = AutoConfig.for_model(data.pop("model_type"), **data)
    assert mismatches(cache_truth(hf, device="meta"), layout.layers) == []


@pytest.mark.parametrize("variant_id", VARIANT_IDS)
def test_517_names_read_as_indexed_layers(variant_id: str) -> None:
    variant = BY_ID[variant_id]
    config = make_config(variant)
    new = config.to_dict()
    old = as_517(new, OLD_NAME[variant.model_type])
    assert layers(old) == layers(new)
    # and transformers 5.24, reading the old names, caches exactly that
    assert mismatches(cache_truth(config), layers(old)) == []


def test_unknown_layer_name_is_still_refused() -> None:
    config = json.loads((FIXTURES / "deepseek-v3.2-exp.json").read_text())
    config["layer_types"] = ["deepseek_sparse_attn"] * 61
    with pytest.raises(ConfigError, match=r"layer_types\[0\]: got 'deepseek_sparse_attn'"):
        kvarch.inspect(config)
