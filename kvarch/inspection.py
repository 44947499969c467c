"""``kvarch.inspect``: a model's cache, layer by layer, from its HF config."""

from __future__ import annotations

import itertools
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kvarch import registry
from kvarch.dtype import DType
from kvarch.errors import ConfigError
from kvarch.layers import LayerSpec, Layout, State
from kvarch.text import human_bytes

__all__ = ["extra_keys_text", "inspect_config", "load_hf_config"]


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
        state_bytes_per_sequence=sum(layer.state_bytes(dtype) for layer in layers),
        encoder_len=arch.model_max_encoder_len,
        cross_bytes_per_sequence=dtype.nbytes(
            arch.model_max_encoder_len * sum(layer.cross_elements for layer in layers)
        ),
    )


def _spans(indices: list[int]) -> str:
    """``0-31``, ``1-41 every 2nd``, or a list of ranges: layer indices, compactly."""
    if len(indices) == 1:
        return str(indices[0])
    steps = {b - a for a, b in itertools.pairwise(indices)}
    if len(steps) == 1:
        (step,) = steps
        every = "" if step == 1 else f" every {step}{'nd' if step == 2 else 'th'}"
        return f"{indices[0]}-{indices[-1]}{every}"
    parts: list[str] = []
    start = prev = indices[0]
    for i in [*indices[1:], None]:
        if i is not None and i == prev + 1:
            prev = i
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        if i is not None:
            start = prev = i
    return ",".join(parts)


def summary(layout: Layout) -> str:
    """One line: layers by kind (with the state each kind keeps per sequence), bytes per token,
    state per sequence, max length."""
    kinds: dict[str, int] = {}
    windows: dict[str, set[int]] = {}
    state: dict[str, int] = {}
    for s in layout.layers:
        kinds[s.kind] = kinds.get(s.kind, 0) + 1
        state[s.kind] = state.get(s.kind, 0) + s.state_bytes(layout.dtype)
        if s.window is not None:
            windows.setdefault(s.kind, set()).add(s.window)
    parts = []
    for kind, n in kinds.items():
        w = sorted(windows.get(kind, ()))
        notes = [f"window {'/'.join(map(str, w))}"] if w else []
        if state[kind]:
            notes.append(f"state {human_bytes(state[kind])}/sequence")
        parts.append(f"{n} {kind}" + (f" ({', '.join(notes)})" if notes else ""))
    per_token = layout.bytes_per_token
    per_seq = layout.state_bytes_per_sequence
    state_text = f"; {per_seq} bytes/sequence of state ({human_bytes(per_seq)})" if per_seq else ""
    cross = layout.cross_bytes_per_sequence
    if cross:
        state_text += (
            f"; {cross} bytes/sequence of cross-attention K/V ({human_bytes(cross)}) at "
            f"{layout.encoder_len} encoder positions"
        )
    return (
        f"{len(layout.layers)} layers: {', '.join(parts)}; {per_token} bytes/token "
        f"({per_token / 1024:.2f} KiB, {layout.dtype.value}){state_text}; max length "
        f"{layout.model_max_seq_len}"
    )


CROSS_HEADERS = ("layers", "count", "kv_heads", "k_dim", "v_dim", "bytes/position/layer",
                 "bytes/sequence/layer")  # fmt: skip
STATE_HEADERS = ("layers", "count", "state", "shape", "bytes/sequence/layer")


def cross_rows(layout: Layout) -> list[tuple[object, ...]]:
    """One row per distinct cross-attention geometry: the K/V each layer keeps of the encoder's
    states, per encoder position and per sequence at ``layout.encoder_len`` positions."""
    by_cross: dict[Any, list[int]] = {}
    for s in layout.layers:
        if s.cross is not None:
            by_cross.setdefault(s.cross, []).append(s.index)
    rows: list[tuple[object, ...]] = []
    for cross, indices in by_cross.items():
        per_position = layout.dtype.nbytes(cross.elements)
        rows.append(
            (
                _spans(indices),
                len(indices),
                cross.num_kv_heads,
                cross.k_head_dim,
                cross.v_head_dim,
                per_position,
                per_position * layout.encoder_len,
            )
        )
    return rows


def state_rows(layout: Layout) -> list[tuple[object, ...]]:
    """One row per distinct per-sequence tensor (name and shape) and the layers keeping it."""
    by_state: dict[State, list[int]] = {}
    for s in layout.layers:
        for t in s.state:
            by_state.setdefault(t, []).append(s.index)
    return [  # each tensor in its own dtype where it fixes one (SSM states: float32)
        (_spans(indices), len(indices), t.name, "x".join(map(str, t.shape)), t.nbytes(layout.dtype))
        for t, indices in by_state.items()
    ]


def extra_keys_text(spec: LayerSpec) -> str:
    """A layer's further per-token keys, ``indexer 1x128``, and its compressed caches, one
    entry per N tokens: ``compressor 1x512/4`` (``-`` for none)."""
    parts = [f"{e.name} {e.num_heads}x{e.head_dim}" for e in spec.extra_keys]
    parts += [f"{c.name} {c.num_heads}x{c.head_dim}/{c.every}" for c in spec.compressed]
    return ", ".join(parts) or "-"


def has_extra_keys(layout: Layout) -> bool:
    """Whether any layer caches keys beside K/V or compressed entries (the tables then show an
    ``extra_keys`` column, before the bytes)."""
    return any(s.extra_keys or s.compressed for s in layout.layers)


def grouped_rows(layout: Layout) -> list[tuple[object, ...]]:
    """One row per distinct layer geometry, with the layers that have it."""
    by_spec: dict[tuple[Any, ...], list[int]] = {}
    for s in layout.layers:
        geometry = (s.kind, s.window, s.num_kv_heads, s.k_head_dim, s.v_head_dim, s.kv_source)
        by_spec.setdefault((*geometry, s.extra_keys, s.compressed), []).append(s.index)
    spans = {key: _spans(indices) for key, indices in by_spec.items()}
    # Regular runs first; a scattered set that is all the rest reads "all others".
    order = sorted(by_spec, key=lambda k: ("," in spans[k], by_spec[k][0]))
    scattered = [k for k in order if "," in spans[k]]
    if len(order) > 1 and scattered == order[-1:]:
        spans[order[-1]] = "all others"
    rows: list[tuple[object, ...]] = []
    for key in order:
        indices = by_spec[key]
        kind, window, heads, k_dim, v_dim, source, *_ = key
        spec = layout.layers[indices[0]]
        extra = (extra_keys_text(spec),) if has_extra_keys(layout) else ()
        rows.append(
            (
                spans[key],
                len(indices),
                kind,
                "-" if window is None else window,
                heads,
                k_dim,
                v_dim,
                "-" if source is None else source,
                *extra,
                spec.bytes_per_token(layout.dtype),
            )
        )
    return rows
