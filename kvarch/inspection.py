"""``kvarch.inspect``: a model's cache, layer by layer, from its HF config."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kvarch import registry
from kvarch.dtype import DType
from kvarch.errors import ConfigError
from kvarch.layers import Layout

__all__ = ["inspect_config", "load_hf_config"]


def load_hf_config(path: str | Path) -> dict[str, Any]:
    """The config.json at ``path`` (a file, or a model folder holding one) as a dict."""
    p = Path(path)
    if p.is_dir():
        p = p / "config.json"
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError("path", str(path), f"a readable config.json ({exc.strerror})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(
            "path", str(p), f"valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    if not isinstance(data, dict):
        raise ConfigError("path", str(p), "a JSON object at the top level")
    return data


def inspect_config(config: Mapping[str, Any] | Any, *, dtype: DType = DType.bfloat16) -> Layout:
    """Resolve ``config`` (a config.json dict or a ``PretrainedConfig``) and lay out its cache."""
    arch = registry.from_hf_config(config, dtype=dtype)
    layers = arch.layers()
    return Layout(
        architecture=type(arch).__name__,
        model_max_seq_len=arch.model_max_seq_len,
        layers=layers,
        dtype=dtype,
        bytes_per_token=sum(layer.bytes_per_token(dtype) for layer in layers),
    )
