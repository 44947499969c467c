"""Bytes of a model's weights: from the checkpoint index, or estimated from its config."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import msgspec

from kvarch.dtype import DType

__all__ = ["WeightBytes", "estimate_weight_bytes", "weight_bytes"]

Source = Literal["index", "safetensors", "estimate", "given"]


class WeightBytes(msgspec.Struct, frozen=True, kw_only=True):
    """Weight bytes and where the number came from."""

    bytes: int
    """Total bytes of the weights."""
    source: Source
    """``index`` (model.safetensors.index.json), ``safetensors`` (file sizes),
    ``estimate`` (from the config's dimensions) or ``given`` (the user's number)."""


def _first(cfg: Mapping[str, Any], *keys: str, default: int = 0) -> int:
    for key in keys:
        value = cfg.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return default


def estimate_weight_bytes(config: Mapping[str, Any], dtype: DType) -> int:
    """Parameters counted from common config fields (embeddings, attention, MLP/MoE) × dtype.

    A rough estimate (typically within 10-20 %) for decoder-only transformers.
    """
    cfg: Mapping[str, Any] = config
    for sub in ("text_config", "llm_config"):
        if isinstance(config.get(sub), Mapping):
            cfg = config[sub]
    hidden = _first(cfg, "hidden_size", "n_embd", "d_model", "dim")
    layers = _first(cfg, "num_hidden_layers", "n_layer", "num_layers", "n_layers")
    heads = _first(cfg, "num_attention_heads", "n_head", "num_heads", "n_heads", default=1)
    kv_heads = _first(cfg, "num_key_value_heads", "num_kv_heads", "n_head_kv", default=heads)
    head_dim = _first(cfg, "head_dim", default=hidden // max(heads, 1))
    vocab = _first(cfg, "vocab_size", "padded_vocab_size")
    inter = _first(cfg, "intermediate_size", "ffn_dim", "n_inner", default=4 * hidden)
    experts = _first(cfg, "num_local_experts", "num_experts", "n_routed_experts", default=0)
    moe_inter = _first(cfg, "moe_intermediate_size", default=inter)
    shared = _first(cfg, "n_shared_experts", "num_shared_experts", default=0)
    attention = hidden * head_dim * (2 * heads + 2 * kv_heads)
    mlp = 3 * hidden * (moe_inter * (experts + shared) if experts else inter)
    router = hidden * experts
    tied = bool(cfg.get("tie_word_embeddings", config.get("tie_word_embeddings", False)))
    embeddings = vocab * hidden * (1 if tied else 2)
    params = embeddings + layers * (attention + mlp + router + 2 * hidden)
    return dtype.nbytes(params)


def weight_bytes(path: str | Path | None, config: Mapping[str, Any], dtype: DType) -> WeightBytes:
    """The checkpoint's own total when ``path`` is a folder holding one, else an estimate."""
    folder = Path(path) if path is not None else None
    if folder is not None and folder.is_file():
        folder = folder.parent
    if folder is not None:
        index = folder / "model.safetensors.index.json"
        if index.is_file():
            try:
                total = json.loads(index.read_text(encoding="utf-8"))["metadata"]["total_size"]
            except (OSError, ValueError, KeyError, TypeError):
                total = None
            if isinstance(total, int) and total > 0:
                return WeightBytes(bytes=total, source="index")
        files = sorted(folder.glob("*.safetensors"))
        if files:
            return WeightBytes(bytes=sum(f.stat().st_size for f in files), source="safetensors")
    return WeightBytes(bytes=estimate_weight_bytes(config, dtype), source="estimate")
