"""Field-by-field comparison of transformers' truth with kvarch's ``LayerSpec`` list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tests.oracle.truth import LayerTruth

__all__ = ["mismatches"]

FIELDS = ("kind", "window", "num_kv_heads", "k_head_dim", "v_head_dim")


def mismatches(truth: Sequence[LayerTruth], specs: Sequence[Any]) -> list[str]:
    """Every difference, one line each (``layer 3 window: kvarch 4096, transformers 5``)."""
    if len(truth) != len(specs):
        return [f"layer count: kvarch {len(specs)}, transformers {len(truth)}"]
    lines = []
    # Per-sequence state is compared where the schema declares some: hybrids whose schema
    # declares none yet (zamba, lfm2, minimax, ...) are still checked for their KV only.
    declares_state = any(s.state for s in specs)
    for t, s in zip(truth, specs, strict=True):
        if s.index != t.index:
            lines.append(f"layer {t.index} index: kvarch {s.index}")
        for name in FIELDS:
            got, want = getattr(s, name), getattr(t, name)
            if got != want:
                lines.append(f"layer {t.index} {name}: kvarch {got!r}, transformers {want!r}")
        extra = tuple((e.name, e.num_heads, e.head_dim) for e in s.extra_keys)
        if extra != t.extra_keys:
            lines.append(
                f"layer {t.index} extra_keys: kvarch {extra!r}, transformers {t.extra_keys!r}"
            )
        compressed = tuple((c.name, c.every, c.num_heads, c.head_dim) for c in s.compressed)
        if compressed != t.compressed:
            lines.append(
                f"layer {t.index} compressed: kvarch {compressed!r}, transformers {t.compressed!r}"
            )
        state = _as_transformers_holds(s.state)
        if declares_state and state != t.state:
            lines.append(f"layer {t.index} state: kvarch {state!r}, transformers {t.state!r}")
        cross = (
            None
            if s.cross is None
            else (s.cross.num_kv_heads, s.cross.k_head_dim, s.cross.v_head_dim)
        )
        if cross != t.cross:
            lines.append(f"layer {t.index} cross: kvarch {cross!r}, transformers {t.cross!r}")
        if t.kind == "shared" and t.kv_source is not None and s.kv_source != t.kv_source:
            lines.append(
                f"layer {t.index} kv_source: kvarch {s.kv_source!r}, transformers {t.kv_source!r}"
            )
    return lines


def _as_transformers_holds(states: Sequence[Any]) -> tuple[tuple[int, ...], ...]:
    """The declared state shapes in the order transformers' ``LinearAttentionLayer`` holds them:
    conv states (names containing ``conv``), then recurrent states, each in declaration order,
    as the runtime maps them onto ``state_idx`` (``kvarch/runtime/state_layers.py``)."""
    conv = [x.shape for x in states if "conv" in x.name]
    return (*conv, *(x.shape for x in states if "conv" not in x.name))
