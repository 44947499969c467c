"""Engine steps one sequence at a time, for models whose attention cannot read the pages.

Some models attend in ways the paged kernels do not take: inkling's relative-position bias
(``position_bias``), qwen4_exp's and dots3's indexer top-k applied to per-head K/V through
the mask or ``indices``, dory's ``last_loop`` loops that read the past from the cache layers'
tensors. ``PagedCache`` serves them in ``generate`` by returning K/V gathered from the pages,
and the model's own attention and masks run over them. The Engine serves them the same way:
each sequence of a step is one forward of batch 1 over the cache set up as ``generate`` of
that sequence alone would find it (its row's block tables, each layer's length at the
sequence's start, the past a model reads back from the cache layers). The tokens are those of
``generate`` of each request alone; the cost is one forward per sequence and step (no
packing, no CUDA graphs), and every step gathers each sequence's visible K/V.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import torch
from torch import Tensor

from kvarch.runtime import attention as attn
from kvarch.runtime.hf_indexed import PagedIndexedLayer
from kvarch.runtime.paged_layer import PagedLayer, dequantized
from kvarch.runtime.scheduler import ScheduledStep

if TYPE_CHECKING:
    from kvarch.runtime.hf import PagedCache

__all__ = ["bind_sequence", "run_solo"]


def bind_sequence(cache: PagedCache, row: int, start: int, slots: list[Tensor]) -> None:
    """Set ``cache`` up for one forward of the sequence in block-manager ``row`` whose tokens
    ``[start, start + n)`` are written to ``slots`` (per group): as ``generate`` of it alone
    would find the cache before that forward."""
    manager, device = cache.manager, cache.storage.device
    n = int(slots[0].numel())
    tables = [
        torch.from_numpy(manager.block_tables(g, slice(row, row + 1))).to(device)
        for g in range(len(manager.pools))
    ]
    cache.ctx = attn.StepContext(
        slots=slots,
        tables=tables,
        seq_lens=torch.tensor([start + n], dtype=torch.int32, device=device),
        query_start_loc=None if n == 1 else torch.tensor([0, n], dtype=torch.int32, device=device),
    )
    cache.ctx_tables = tables
    cache.pads[0] = 0
    cache.batch = 1
    if cache.compressed is not None:  # the row's entries; none kept at a sequence's start
        cache.compressed.bind([row], fresh=start == 0)
    for layer in cache.layers:
        if not isinstance(layer, PagedLayer):
            continue
        layer.length = start
        if isinstance(layer, PagedIndexedLayer):
            layer.indexer_length = start
            _indexer_positions(layer, start)
        if cache.keeps_dense:
            _past_tensors(cache, layer, start)


def _indexer_positions(layer: PagedIndexedLayer, start: int) -> None:
    """The positions a model keeps on its indexed layer (qwen4_exp: every position so far,
    ``[3, batch, tokens]``, one text position per token): this sequence's."""
    old = layer.indexer_position_ids
    if old is None or start == 0:
        layer.indexer_position_ids = None
        return
    pos = torch.arange(start, device=old.device, dtype=old.dtype)
    layer.indexer_position_ids = pos.expand(*old.shape[:-2], 1, start).contiguous()


def _past_tensors(cache: PagedCache, layer: PagedLayer, start: int) -> None:
    """The K/V a model reads back from the cache layer (dory's ``last_loop``): what the
    sequence's previous forward left there, gathered from the pages (none before its first)."""
    if start == 0:
        layer.is_initialized = False
        layer.keys = layer.values = None
        return
    view = cache.storage.layer(layer.index)
    if view.v is None:
        return  # latent layers: the model expands them, never reads them back
    keys: Tensor | None = getattr(layer, "keys", None)
    values: Tensor | None = getattr(layer, "values", None)
    k_dim = view.k.shape[-1] if keys is None else keys.shape[-1]
    v_dim = view.v.shape[-1] if values is None else values.shape[-1]
    # the dtype of what the model left there; before any: the pages', float32 for fp8 pages
    like = keys if keys is not None else view.k if view.k_scale is None else view.k_scale
    gathered_k = layer._gather_rows(view.k, view, 1, start, start)[..., :k_dim]
    gathered_v = layer._gather_rows(view.v, view, 1, start, start)[..., :v_dim]
    layer.keys = dequantized(gathered_k, view.k_scale, like)
    layer.values = dequantized(gathered_v, view.v_scale, like)
    layer.is_initialized = True


def run_solo(runner: Any, step: ScheduledStep) -> Tensor:
    """Logits ``[len(step.requests), vocab]``: one forward per sequence (see the module)."""
    cache: PagedCache = runner.cache
    device = runner.device
    kwargs: dict[str, Any] = {runner.cache_kwarg: cache, "use_cache": True}
    if runner.keeps_logits:
        kwargs["logits_to_keep"] = 1
    encdec = runner.encdec
    if encdec is not None:
        encdec.encode(step.requests)
    out = []
    at = 0
    for req, row, start, count in zip(
        step.requests, step.rows.tolist(), step.starts, step.counts, strict=True
    ):
        slots = [torch.from_numpy(s[at : at + count]).to(device) for s in step.slots]
        at += count
        bind_sequence(cache, int(row), start, slots)
        if cache.state is not None:
            cache.bind_state([int(row)], fresh=start == 0)
        ids = torch.tensor([req.tokens[start : start + count]], device=device)
        inputs: dict[str, Any] = {"input_ids": ids}
        if encdec is not None:  # positions: the model reads them from the cache's length
            inputs = {"decoder_input_ids": ids, **encdec.step_kwargs([req], [count])}
            inputs[runner.cache_kwarg] = inputs.pop("cache")
        elif runner.takes_positions:
            inputs["position_ids"] = torch.arange(start, start + count, device=device)[None]
        try:
            logits = runner.model(**(kwargs | inputs)).logits[0, -1]
        finally:
            if cache.state is not None:
                cache.state.flush()
        out.append(logits)
    return torch.stack(out)
