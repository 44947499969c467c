"""Paged attention inside transformers models: the step context and the registered functions.

A paged cache layer's ``update`` writes the new K/V through the step's slot mapping and
*arms* its layer; the attention function registered with transformers
(``AttentionInterface``, name ``kvarch|<fallback>``) then reads K/V straight from the pages
with ``ops.paged_decode`` / ``ops.paged_prefill`` (Triton on CUDA, the torch reference on
CPU). A call whose layer was not armed (cross-attention, layers transformers keeps itself, a
model run without a paged cache) goes to the model's own implementation, the ``fallback``
named after the bar, with the mask that implementation would get. Layers whose attention
module needs the full K/V before attending (MLA, which expands its latent per head) are
*gathered* instead: ``update`` returns their cached K/V and the attention is computed densely.
"""

from __future__ import annotations

import sys
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import torch
from torch import Tensor

from kvarch.runtime import ops
from kvarch.runtime.errors import ShapeError, UnsupportedCacheError
from kvarch.runtime.tensors import LayerCache

__all__ = [
    "Armed",
    "CrossRead",
    "StepContext",
    "arm",
    "attn_implementation",
    "dense_varlen_attention",
    "paged_attention",
    "use_paged_attention",
]

PREFIX = "kvarch|"


@dataclass(slots=True)
class StepContext:
    """What one forward's attention needs to find every sequence's K/V in the pages.

    Sequence ``s`` owns queries ``query_start_loc[s]:query_start_loc[s+1]`` of the packed
    tokens (the flattened ``[batch, n]`` input in order, pad tokens left out when
    ``token_index`` is set) and has ``seq_lens[s]`` tokens including them.
    """

    slots: list[Tensor]
    """Per group: int64 ``[tokens]`` slot of every input token (``-1``: not written)."""
    tables: list[Tensor]
    """Per group: int32 ``[seqs, width]`` block tables."""
    seq_lens: Tensor
    """int32 ``[seqs]``: context length of each sequence, new tokens included."""
    query_start_loc: Tensor | None
    """int32 ``[seqs + 1]``; None when every sequence has exactly one query (decode)."""
    token_index: Tensor | None = None
    """int64 positions of the real tokens in the flattened input (None: all are real)."""
    packed: bool = False
    """Sequences are packed along one batch row (the engine); else one sequence per row."""
    gathered_lens: list[int] | None = None
    """For gathered layers of a packed step: tokens of K/V ``update`` returned per sequence."""


@dataclass(slots=True)
class Armed:
    """A layer whose new K/V were just written: its attention reads the pages."""

    layer: int
    view: LayerCache
    ctx: StepContext
    k_dim: int
    v_dim: int
    attention: str
    """The group's attention kind (``full``, ``sliding``, ``chunked``)."""
    gathered: bool = False
    """``update`` returned dense K/V of a packed step (MLA): attend densely per sequence."""


@dataclass(slots=True)
class CrossRead:
    """A cross-attention layer whose K/V sit per sequence outside the pages (``cross.py``): its
    attention runs the model's own implementation once per sequence."""

    layer: int
    kv: list[tuple[Tensor, Tensor]]
    """Per sequence: K and V, each ``[heads, encoder_len, dim]``."""
    starts: list[int] | None
    """Packed steps (engine): sequence ``s`` owns queries ``starts[s]:starts[s+1]``; None: one
    sequence per batch row (``generate``)."""


_armed: Armed | CrossRead | None = None
_padding: Tensor | None = None
"""The 2-D padding mask of the forward in flight, noted by the mask function."""


def arm(armed: Armed | CrossRead) -> None:
    """Mark ``armed.layer``'s next attention call as served from the pages."""
    global _armed
    _armed = armed


def disarm() -> None:
    """Forget an armed layer and the dense K/V of the last forward (a new one starts)."""
    global _armed
    _armed = None
    _dense.clear()


_dense: dict[int, tuple[Tensor, Armed]] = {}
"""Dense packed K/V a layer's ``update`` returned (by ``id`` of the keys, kept alive until the
forward ends, so no other tensor takes the id) -> the keys and how to attend
over them: every attention call handed those keys is served, whatever module makes it (a
module attending twice, diffllama; shared-KV layers reusing their source's K/V, gemma3n)."""


def register_dense(keys: Tensor, armed: Armed) -> None:
    """Serve every attention call over ``keys`` (gathered, packed) as ``armed`` says."""
    _dense[id(keys)] = (keys, armed)


def take_padding() -> Tensor | None:
    """The 2-D padding mask noted for the forward in flight (cleared once read)."""
    global _padding
    mask, _padding = _padding, None
    return mask


def _fallback_attention(name: str, module: Any) -> Callable[..., Any]:
    """The attention function the model would use without kvarch."""
    from transformers.modeling_utils import ALL_ATTENTION_FUNCTIONS

    if name == "eager":
        own = getattr(sys.modules.get(type(module).__module__), "eager_attention_forward", None)
        if own is None:
            raise ShapeError("attention", type(module).__name__, "a module with eager attention")
        return own  # type: ignore[no-any-return]
    return ALL_ATTENTION_FUNCTIONS[name]  # type: ignore[no-any-return]


def paged_attention(
    fallback: str,
    module: Any,
    query: Tensor,
    key: Tensor,
    value: Tensor,
    attention_mask: Tensor | None,
    *,
    scaling: float | None = None,
    softcap: float | None = None,
    s_aux: Tensor | None = None,
    indices: Tensor | None = None,
    **kwargs: Any,
) -> tuple[Tensor, None]:
    """transformers attention signature: q ``[b, heads, n, d]`` in, ``[b, n, heads, dv]`` out.

    ``indices``: a sparse-attention indexer's top-k key positions ``[b, n, k]`` (DSA models
    hand them to attention implementations other than eager/SDPA): each query attends only
    to those of its visible keys. ``block_indices`` (in ``kwargs``): a block-sparse indexer's
    top key blocks ``[b, index heads, n, k]`` (MiniMax-M3): folded into the mask by the
    module's own ``indexer.build_block_mask``, as transformers does for eager and SDPA.
    """
    global _armed
    armed, _armed = _armed, None
    layer_idx = getattr(module, "layer_idx", None)
    if armed is not None and armed.layer != layer_idx and module not in _shared:
        raise UnsupportedCacheError(
            "?",
            "cross" if isinstance(armed, CrossRead) else armed.attention,
            [armed.layer],
            f"the attention of {type(module).__name__} "
            f"(layer_idx {layer_idx}) ran after the cache update of "
            f"layer {armed.layer}; list the family in hf_layers.GATHERED",
        )
    if isinstance(armed, CrossRead):
        options = {"softcap": softcap} if softcap is not None else {}
        return _cross(fallback, module, query, attention_mask, armed, scaling, options | kwargs)
    if armed is None and _dense:  # K/V an update returned, whichever module attends over them
        found = _dense.get(id(key))
        armed = found[1] if found is not None and found[0] is key else None
    selected = None if indices is None else _selected(indices, key.shape[2])
    block_indices = kwargs.pop("block_indices", None)
    if block_indices is not None:
        if armed is not None:
            raise UnsupportedCacheError(
                "?", armed.attention, [armed.layer], "block-sparse indexer blocks reach "
                "attention that reads the pages or packed K/V; such layers must be gathered",
            )  # fmt: skip
        attention_mask = _block_mask(module, block_indices, attention_mask, query, key, kwargs)
    if armed is None:
        if selected is not None:
            attention_mask = _restrict(attention_mask, selected)
        return _fallback_attention(fallback, module)(  # type: ignore[no-any-return]
            module,
            query,
            key,
            value,
            attention_mask,
            scaling=scaling,
            **({"softcap": softcap} if softcap is not None else {}),
            **({"s_aux": s_aux} if s_aux is not None else {}),
            **kwargs,
        )
    if kwargs.get("position_bias") is not None:
        raise UnsupportedCacheError(
            "?", armed.attention, [armed.layer],
            f"{type(module).__name__} adds a position_bias to the attention scores, which the "
            "paged kernels do not take; list the family in hf_layers.GATHERED",
        )  # fmt: skip
    scale = float(scaling if scaling is not None else query.shape[-1] ** -0.5)
    window = armed.view.window
    chunk = window if armed.attention == "chunked" else None
    window = None if chunk is not None else window
    if armed.gathered:
        b, heads, n, dim = query.shape  # one sequence per batch row (hybrids): pack the rows
        packed = query.transpose(0, 1).reshape(1, heads, b * n, dim) if b > 1 else query
        out = dense_varlen_attention(
            packed, key, value, armed.ctx, scale=scale, window=window, chunk=chunk,
            softcap=softcap, sinks=s_aux, selected=None if selected is None else selected[0, 0],
        )  # fmt: skip
        return out.reshape(b, n, heads, out.shape[-1]), None
    if selected is not None:
        raise UnsupportedCacheError(
            "?", armed.attention, [armed.layer], "sparse-attention indices reach attention that "
            "reads the pages; such layers must be gathered (MLA or hf_layers.GATHERED)",
        )  # fmt: skip
    return _paged(query, armed, scale, window, chunk, softcap, s_aux), None


def _cross(
    fallback: str,
    module: Any,
    query: Tensor,
    mask: Tensor | None,
    read: CrossRead,
    scaling: float | None,
    kwargs: dict[str, Any],
) -> tuple[Tensor, None]:
    """The fallback attention once per sequence over its own cross K/V (lengths may differ)."""
    attend = _fallback_attention(fallback, module)
    outs = []
    for s, (k, v) in enumerate(read.kv):
        if read.starts is None:  # batch row s
            q, m = query[s : s + 1], None if mask is None else mask[s : s + 1]
        else:  # packed: no mask (each sequence sees all its encoder positions)
            q, m = query[:, :, read.starts[s] : read.starts[s + 1]], None
        out, _ = attend(module, q, k[None], v[None], m, scaling=scaling, **kwargs)
        outs.append(out)
    return torch.cat(outs, dim=0 if read.starts is None else 1), None


def _block_mask(
    module: Any,
    block_indices: Tensor,
    mask: Tensor | None,
    query: Tensor,
    key: Tensor,
    kwargs: dict[str, Any],
) -> Tensor:
    """The additive ``[b, heads, n, keys]`` mask a block-sparse indexer's pick makes of
    ``mask``, built by the module's indexer (``build_block_mask``) exactly as transformers'
    MiniMax-M3 attention builds it for eager and SDPA: positions from ``position_ids``, else
    the last ``n`` of the keys, one row per batch row."""
    build = getattr(getattr(module, "indexer", None), "build_block_mask", None)
    if not callable(build):
        raise UnsupportedCacheError(
            "?", "full", [getattr(module, "layer_idx", -1)],
            f"{type(module).__name__} passes block_indices to attention without an "
            "indexer.build_block_mask that folds them into the mask",
        )  # fmt: skip
    n, keys = query.shape[2], key.shape[2]
    positions = kwargs.get("position_ids")
    if positions is None:
        positions = torch.arange(keys - n, keys, device=query.device)
    positions = (positions if positions.ndim > 1 else positions.unsqueeze(0)).expand(
        query.shape[0], -1
    )
    return build(block_indices, mask, keys, query.dtype, query.device, positions)


def _selected(indices: Tensor, keys: int) -> Tensor:
    """Bool ``[b, 1, n, keys]``: True at each query's top-k key positions (``indices``)."""
    b, n, _ = indices.shape
    chosen = torch.zeros(b, n, keys, dtype=torch.bool, device=indices.device)
    return chosen.scatter(-1, indices.long(), True).unsqueeze(1)


def _restrict(mask: Tensor | None, selected: Tensor) -> Tensor:
    """``mask`` (bool: True attends; float: additive) also masking keys not ``selected``, as
    DSA models do for eager and SDPA."""
    if mask is None:
        raise ShapeError("attention_mask", None, "a mask to restrict to the indexer's keys")
    if mask.dtype == torch.bool:
        return mask & selected
    return mask.masked_fill(~selected, torch.finfo(mask.dtype).min)


def _paged(
    query: Tensor,
    armed: Armed,
    scale: float,
    window: int | None,
    chunk: int | None,
    softcap: float | None,
    sinks: Tensor | None,
) -> Tensor:
    ctx, view = armed.ctx, armed.view
    b, heads, n, dim = query.shape
    q = query.transpose(1, 2).reshape(b * n, heads, dim)
    if ctx.token_index is not None:
        q = q.index_select(0, ctx.token_index)
    width = view.k.shape[-1]
    if dim < width:  # K narrower than the group's head_dim: the pages hold it zero-padded
        q = torch.nn.functional.pad(q, (0, width - dim))
    g = view.group
    options: dict[str, Any] = {"scale": scale}
    if window is not None:
        options["window"] = window
    if chunk is not None:
        options["chunk"] = chunk
    if softcap is not None:
        options["softcap"] = float(softcap)
    if sinks is not None:
        options["sinks"] = sinks
    if view.k_scale is not None:
        options["k_scale"] = view.k_scale
        options["v_scale"] = view.v_scale
    if ctx.query_start_loc is None:
        out = ops.paged_decode(q, view.k, view.v, ctx.tables[g], ctx.seq_lens, **options)
    else:
        out = ops.paged_prefill(
            q, view.k, view.v, ctx.tables[g], ctx.seq_lens, ctx.query_start_loc, **options
        )
    v_dim = armed.v_dim
    if out.shape[-1] != v_dim:
        out = out[..., :v_dim]
    if ctx.token_index is not None:
        full = out.new_zeros(b * n, heads, v_dim)
        full.index_copy_(0, ctx.token_index, out)
        out = full
    return out.reshape(b, n, heads, v_dim)


def dense_varlen_attention(
    query: Tensor,
    key: Tensor,
    value: Tensor,
    ctx: StepContext,
    *,
    scale: float,
    window: int | None = None,
    chunk: int | None = None,
    softcap: float | None = None,
    sinks: Tensor | None = None,
    selected: Tensor | None = None,
) -> Tensor:
    """Causal attention of packed sequences over their gathered K/V (one loop per sequence).

    ``query`` is ``[1, heads, tokens, d]``; ``key``/``value`` ``[1, kv_heads, Σ gathered, d]``
    hold sequence ``s``'s last ``ctx.gathered_lens[s]`` positions back to back. ``selected``
    (bool ``[tokens, Σ gathered]``): the keys each query may attend (a sparse indexer's pick).
    """
    if ctx.gathered_lens is None:
        raise ShapeError("gathered_lens", None, "gathered lengths of a packed step")
    heads, kv_heads = query.shape[1], key.shape[1]
    q_starts = _starts(ctx)
    lens = ctx.seq_lens.tolist()
    out = query.new_empty(query.shape[2], heads, value.shape[-1])
    kv_start = 0
    for s, kept in enumerate(ctx.gathered_lens):
        q0, q1 = q_starts[s], q_starts[s + 1]
        total = lens[s]
        q = query[0, :, q0:q1].float()
        k = key[0, :, kv_start : kv_start + kept].float()
        v = value[0, :, kv_start : kv_start + kept].float()
        kv_start += kept
        if heads != kv_heads:
            k = k.repeat_interleave(heads // kv_heads, 0)
            v = v.repeat_interleave(heads // kv_heads, 0)
        q_pos = torch.arange(total - (q1 - q0), total, device=q.device)[:, None]
        k_pos = torch.arange(total - kept, total, device=q.device)[None, :]
        allowed = k_pos <= q_pos
        if window is not None:
            allowed &= k_pos > q_pos - window
        if chunk is not None:
            allowed &= k_pos // chunk == q_pos // chunk
        if selected is not None:
            allowed &= selected[q0:q1, kv_start - kept : kv_start]
        scores = torch.matmul(q, k.transpose(-1, -2)) * scale
        if softcap is not None:
            scores = torch.tanh(scores / softcap) * softcap
        scores = scores.masked_fill(~allowed, float("-inf"))
        if sinks is not None:
            sink = sinks.float().reshape(heads, 1, 1).expand(heads, q.shape[1], 1)
            probs = torch.cat([scores, sink], dim=-1).softmax(-1)[..., :-1]
        else:
            probs = scores.softmax(-1)
        out[q0:q1] = torch.matmul(probs, v).transpose(0, 1).to(out.dtype)
    return out.unsqueeze(0)


def _starts(ctx: StepContext) -> list[int]:
    if ctx.query_start_loc is None:
        return list(range(int(ctx.seq_lens.shape[0]) + 1))
    return [int(x) for x in ctx.query_start_loc.tolist()]


def _mask(fallback: str, **kwargs: Any) -> Any:
    """The fallback's mask (for layers kvarch does not serve); notes the padding mask."""
    global _padding
    from transformers.masking_utils import ALL_MASK_ATTENTION_FUNCTIONS

    padding = kwargs.get("attention_mask")
    if _packed_forward:
        if _packed_mask_ctx is None:
            return None
        return packed_causal_mask(_packed_mask_ctx, fallback, kwargs.get("dtype", torch.float32))
    if "allow_is_bidirectional_skip" not in kwargs:  # encoder (cross) masks are not the padding
        _padding = padding if isinstance(padding, Tensor) and padding.dim() == 2 else None
    base = ALL_MASK_ATTENTION_FUNCTIONS._global_mapping.get(fallback)
    return None if base is None else base(**kwargs)


_packed_forward = False
"""True while the engine runs a packed forward: no mask is built (attention needs none)."""
_packed_mask_ctx: StepContext | None = None
"""The packed step whose block-causal mask the mask function returns (None: no mask)."""


class packed_forward:
    """Context manager: masks are skipped for the forward inside (the engine's packed steps),
    or, given ``mask_for``, are that step's ``packed_causal_mask`` (for models that read the
    mask themselves: a sparse-attention indexer scores every gathered key against it)."""

    def __init__(self, mask_for: StepContext | None = None) -> None:
        self.mask_for = mask_for

    def __enter__(self) -> None:
        global _packed_forward, _packed_mask_ctx
        _packed_forward = True
        _packed_mask_ctx = self.mask_for

    def __exit__(self, *exc: object) -> None:
        global _packed_forward, _packed_mask_ctx
        _packed_forward = False
        _packed_mask_ctx = None
        disarm()


def packed_causal_mask(ctx: StepContext, fallback: str, dtype: torch.dtype) -> Tensor:
    """``[1, 1, tokens, Σ seq_lens]``: each packed query sees its own sequence's tokens up to
    its position, laid out as gathered full layers return them (sequence after sequence).
    Bool (True attends), or additive in ``dtype`` for the eager fallback."""
    lens = ctx.seq_lens.long()
    device = lens.device
    if ctx.query_start_loc is None:
        queries = torch.ones_like(lens)
    else:
        queries = ctx.query_start_loc.long().diff()
    seq_of_query = torch.repeat_interleave(torch.arange(len(lens), device=device), queries)
    first = torch.cumsum(queries, 0) - queries  # each sequence's first packed query
    q_pos = torch.arange(int(queries.sum()), device=device) - first[seq_of_query]
    q_pos = q_pos + (lens - queries)[seq_of_query]
    seq_of_key = torch.repeat_interleave(torch.arange(len(lens), device=device), lens)
    k_pos = (
        torch.arange(int(lens.sum()), device=device) - (torch.cumsum(lens, 0) - lens)[seq_of_key]
    )
    allowed = (seq_of_query[:, None] == seq_of_key[None, :]) & (k_pos[None, :] <= q_pos[:, None])
    allowed = allowed[None, None]
    if fallback != "eager":
        return allowed
    zero = torch.zeros((), dtype=dtype, device=device)
    return zero.masked_fill(~allowed, torch.finfo(dtype).min)


def attn_implementation(fallback: str) -> str:
    """Register ``kvarch|<fallback>`` with transformers (idempotent) and return the name."""
    from transformers import AttentionInterface
    from transformers.masking_utils import AttentionMaskInterface

    name = PREFIX + fallback

    def attend(*args: Any, **kwargs: Any) -> tuple[Tensor, None]:
        return paged_attention(fallback, *args, **kwargs)

    def mask(**kwargs: Any) -> Any:
        return _mask(fallback, **kwargs)

    if name not in AttentionInterface._global_mapping:
        AttentionInterface.register(name, attend)
        AttentionMaskInterface.register(name, mask)
    return name


def use_paged_attention(model: Any, decoder_config: Any) -> bool:
    """Switch ``model`` to kvarch's paged attention, keeping its own as the fallback.

    False when the model does not dispatch through transformers' ``AttentionInterface``.
    """
    current = str(getattr(decoder_config, "_attn_implementation", None) or "sdpa")
    if current.startswith(PREFIX):
        return True
    can_set = getattr(model, "_can_set_attn_implementation", lambda: True)
    if not can_set():
        return False
    name = attn_implementation(current)
    model.set_attn_implementation(name)
    # encoder-decoder configs (bart, whisper) hand out a decoder copy: read the model's too
    switched = (getattr(c, "_attn_implementation", None) for c in (decoder_config, model.config))
    return name in switched


_shared: weakref.WeakSet[Any] = weakref.WeakSet()
"""Attention modules shared by several decoder layers (``share_attention``)."""


def share_attention(model: Any, class_names: frozenset[str]) -> None:
    """Let ``model``'s attention modules of ``class_names`` (one module serving several decoder
    layers, which pass their own index to the cache) read the layer just armed."""
    for module in model.modules():
        if type(module).__name__ in class_names:
            _shared.add(module)


def check_consumed(layer: int) -> None:
    """Raise if the last armed layer's attention did not read the pages (not dispatched here)."""
    global _armed
    if _armed is not None:
        missed, _armed = _armed.layer, None
        raise UnsupportedCacheError(
            "?",
            "full",
            [missed],
            f"layer {missed}'s attention did not go through "
            "transformers' AttentionInterface, so it cannot read the pages",
        )
