"""Bytes of a model's weights: from the checkpoint, or counted from its config (torch-free).

Without a checkpoint, ``kvarch.params`` counts the parameters per family and this module
prices them: the weights dtype, or the checkpoint's ``quantization_config`` where one is given
(block-wise fp8 with its float32 scales, mxfp4 experts, GPTQ/AWQ int4 with their group scales).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import msgspec

from kvarch.dtype import DType
from kvarch.params import Matrix, ParamCount, count_params

__all__ = ["WeightBytes", "config_weight_bytes", "weight_bytes"]

Source = Literal["index", "safetensors", "formula", "given"]


class WeightBytes(msgspec.Struct, frozen=True, kw_only=True):
    """Weight bytes and where the number came from."""

    bytes: int
    """Total bytes of the weights."""
    source: Source
    """``index`` (model.safetensors.index.json), ``safetensors`` (file sizes), ``formula``
    (parameters counted from the config by family) or ``given`` (the user's number)."""
    params: int | None = None
    """Parameters counted (``formula`` only)."""
    detail: str = ""
    """How the figure was reached, in words."""


def _skipped(tag: str, patterns: list[str]) -> bool:
    """Whether a ``modules_to_not_convert`` pattern names the tag's modules."""
    names = {
        "attn": ("self_attn", "attn", "attention"),
        "mlp": ("mlp", "feed_forward"),
        "expert": ("experts", "mlp", "feed_forward"),
        "router": ("router", "gate"),
        "embed": ("embed_tokens", "wte"),
        "head": ("lm_head",),
    }[tag]
    return any(p.rstrip(".*").rsplit(".", 1)[-1] in names for p in patterns)


def _quantized_matrix_bytes(m: Matrix, q: Mapping[str, Any], method: str) -> int | None:
    """Bytes of ``m`` as the quantizer stores it; None where it stays in the weights dtype."""
    patterns = [str(p) for p in q.get("modules_to_not_convert") or q.get("ignored_layers") or []]
    if m.tag in ("embed", "head", "router") or _skipped(m.tag, patterns):
        return None
    if method == "fp8":
        block = q.get("weight_block_size")
        if isinstance(block, list) and len(block) == 2:
            scales = -(-m.rows // int(block[0])) * -(-m.cols // int(block[1]))
        else:
            scales = 1
        return m.copies * (m.rows * m.cols + 4 * scales)  # e4m3 + float32 scale_inv
    if method == "mxfp4":
        if m.tag != "expert":
            return None
        return m.copies * (m.rows * m.cols // 2 + -(-m.rows * m.cols // 32))  # e2m1 + e8m0 scale
    if method in ("gptq", "awq"):
        bits = int(q.get("bits", q.get("w_bit", 4)))
        group = int(q.get("group_size", q.get("q_group_size", 128)))
        groups = -(-m.cols // (m.cols if group <= 0 else group))
        packed = m.rows * m.cols * bits // 8
        group_bytes = groups * m.rows * (2 + bits / 8)  # fp16 scale + packed zero point
        g_idx = 4 * m.cols if method == "gptq" else 0
        return m.copies * (packed + int(group_bytes) + g_idx)
    return None


QUANT_METHODS = ("fp8", "mxfp4", "gptq", "awq")


def config_weight_bytes(config: Mapping[str, Any], dtype: DType) -> WeightBytes:
    """Weight bytes counted from ``config`` by family, priced in ``dtype`` or its quantization."""
    count: ParamCount = count_params(config)
    q = config.get("quantization_config")
    text = config.get("text_config")
    if not isinstance(q, Mapping) and isinstance(text, Mapping):
        q = text.get("quantization_config")
    method = str(q.get("quant_method", "")).lower() if isinstance(q, Mapping) else ""
    notes = list(count.notes)
    total = dtype.nbytes(count.other)
    for m in count.matrices:
        quantized = (
            _quantized_matrix_bytes(m, q, method)
            if isinstance(q, Mapping) and method in QUANT_METHODS
            else None
        )
        total += dtype.nbytes(m.numel) if quantized is None else quantized
    priced = f"{dtype.value}"
    if method in QUANT_METHODS:
        priced = f"{method} quantized layers, the rest {dtype.value}"
    elif method:
        notes.append(f"quantization {method!r} not modelled: priced as {dtype.value}")
    detail = f"{count.family}: {count.total / 1e9:.2f} B parameters, {priced}"
    return WeightBytes(
        bytes=total,
        source="formula",
        params=count.total,
        detail="; ".join([detail, *notes]),
    )


def weight_bytes(path: str | Path | None, config: Mapping[str, Any], dtype: DType) -> WeightBytes:
    """The checkpoint's own total when ``path`` is a folder holding one, else counted."""
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
                return WeightBytes(bytes=total, source="index", detail=str(index))
        files = sorted(folder.glob("*.safetensors"))
        if files:
            size = sum(f.stat().st_size for f in files)
            return WeightBytes(
                bytes=size, source="safetensors", detail=f"{len(files)} file(s) in {folder}"
            )
    return config_weight_bytes(config, dtype)
