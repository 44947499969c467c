"""Model runner: packs a scheduled step into the model's inputs, runs it, returns logits.

Every input of a step (token ids, positions, slots, sequence lengths, query starts, block
tables) lives in one int32 buffer, filled on the host (pinned memory on CUDA) and copied to
the device in one non-blocking copy; the step's ``StepContext`` is a set of views into the
device copy. Decode steps on CUDA replay CUDA graphs captured per batch-size bucket (1, 2, 4,
8, then every 16) over the same buffer, so a decode step is one copy, one graph launch and
one sampling pass; prefill and mixed steps run eagerly. A capture that fails (a CUDA OOM
in the graph pool, an op that cannot be captured) drops every graph with a warning and the
runner decodes eagerly from then on: slower, never wrong.

Models with recurrent state (``cache.state``: Mamba, linear attention) cannot run packed rows:
their mixers scan the whole batch row as one sequence. Their steps run as a few forwards with
one sequence per batch row, ``[B, n]``: one for the decoding requests (``n = 1``) and one per
prompt length among the prefills (the scheduler prefills whole prompts); each forward binds
its requests' state rows (fresh for a prefill) and scatters them back after. No CUDA graphs.
"""

from __future__ import annotations

import inspect
import warnings
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
from torch import Tensor

from kvarch.runtime import attention as attn
from kvarch.runtime.encdec import EncoderDecoderSteps, PackedPositions
from kvarch.runtime.errors import SequenceStateError
from kvarch.runtime.hf import PagedCache, cache_keyword
from kvarch.runtime.scheduler import ScheduledStep, split_by_shape
from kvarch.runtime.solo import run_solo
from kvarch.runtime.state import StateStore

__all__ = ["ModelRunner", "graph_buckets"]


def graph_buckets(max_batch: int) -> list[int]:
    """Batch sizes with a captured decode graph (a step runs in the smallest that holds it)."""
    sizes = [b for b in (1, 2, 4, 8) if b < max_batch]
    sizes += list(range(16, max_batch, 16))
    return [*sizes, max_batch]


@dataclass
class _Layout:
    """Offsets (in int32 words) of each input inside the packed buffer."""

    tokens: int
    seqs: int
    width: int
    groups: int

    def __post_init__(self) -> None:
        t, s = self.tokens, self.seqs
        at = 0
        self.input_ids = at  # int64 [tokens] (2 words each)
        at += 2 * t
        self.positions = at  # int64 [tokens]
        at += 2 * t
        self.slots = []  # int64 [tokens] per group
        for _ in range(self.groups):
            self.slots.append(at)
            at += 2 * t
        self.seq_lens = at  # int32 [seqs]
        at += s
        self.qsl = at  # int32 [seqs + 1]
        at += s + 1
        at += at % 2
        self.logit_rows = at  # int64 [seqs]
        at += 2 * s
        self.tables = []  # int32 [seqs, width] per group
        for _ in range(self.groups):
            self.tables.append(at)
            at += s * self.width
        self.size = at


class ModelRunner:
    """Runs ``model`` over the paged ``cache`` one scheduled step at a time."""

    def __init__(
        self,
        model: Any,
        cache: PagedCache,
        *,
        max_batch_size: int,
        max_num_batched_tokens: int,
        cuda_graphs: bool,
    ) -> None:
        self.model = model
        self.cache = cache
        self.device = cache.storage.device
        self.groups = len(cache.manager.pools)
        self.width = cache.manager.width
        tokens = max(max_num_batched_tokens, max_batch_size)
        self.layout = _Layout(tokens, max_batch_size, self.width, self.groups)
        pin = self.device.type == "cuda"
        self.host = torch.zeros(self.layout.size, dtype=torch.int32, pin_memory=pin)
        self.host_np = self.host.numpy()
        self.dev = torch.zeros(self.layout.size, dtype=torch.int32, device=self.device)
        self.cache_kwarg = cache_keyword(model)
        takes = inspect.signature(model.forward).parameters
        self.keeps_logits = "logits_to_keep" in takes
        self.takes_positions = "position_ids" in takes
        self.encdec = None if cache.cross is None else EncoderDecoderSteps(model, cache)
        """Encoder–decoder models: runs the encoder of new requests, feeds packed decoder
        steps (cross-attention reads each sequence's K/V: no CUDA graphs)."""
        self.step: ScheduledStep | None = None
        """The step in flight (encoder–decoder models read its requests and counts)."""
        self.positions = PackedPositions.for_model(model) if cache.paged_attention else None
        """Decoders whose forward takes no ``position_ids``: their position embedding is handed
        each packed token's position (solo forwards read it from the cache's length)."""
        self.graphs: dict[int, tuple[torch.cuda.CUDAGraph, Tensor]] = {}
        self.graph_pool: Any = None
        self.use_graphs = (
            cuda_graphs
            and self.device.type == "cuda"
            and not self._has_gathered()
            and self.encdec is None
            and cache.state is None
        )
        self.graph_error: str | None = None
        """Why graphs were dropped (None while they are in use or were never wanted)."""
        self.max_batch_size = max_batch_size
        self.capture_error_mode = "global"
        """``torch.cuda.graph``'s: "thread_local" lets other threads (NCCL's watchdog) use CUDA
        while a graph that holds collectives is captured."""

    def _has_gathered(self) -> bool:
        """Latent (MLA) layers, dense packed K/V (``PagedCache.dense_packed``) and solo
        forwards gather K/V on the host side of the step: not capturable."""
        return (
            self.cache.dense_packed
            or not self.cache.paged_attention
            or any(
                self.cache.storage.layer(i).v is None
                for g in self.cache.storage.groups
                for i in g.layer_indices
            )
        )

    # --- inputs --------------------------------------------------------------------------
    def _fill(self, step: ScheduledStep, seqs: int, tokens: int) -> None:
        """Write the step's inputs into the host buffer (rows past the step: padding)."""
        lay, buf = self.layout, self.host_np
        n_tok, n_seq = step.num_tokens, len(step.requests)
        ids = np.zeros(tokens, dtype=np.int64)
        pos = np.zeros(tokens, dtype=np.int64)
        if step.decode:  # one token each: no per-request slicing
            pos[:n_seq] = step.starts
            ids[:n_seq] = np.fromiter(
                (r.tokens[p] for r, p in zip(step.requests, step.starts, strict=True)),
                dtype=np.int64,
                count=n_seq,
            )
        else:
            at = 0
            for req, start, count in zip(step.requests, step.starts, step.counts, strict=True):
                ids[at : at + count] = req.tokens[start : start + count]
                pos[at : at + count] = np.arange(start, start + count)
                at += count
        buf[lay.input_ids : lay.input_ids + 2 * tokens] = ids.view(np.int32)
        buf[lay.positions : lay.positions + 2 * tokens] = pos.view(np.int32)
        for g in range(self.groups):
            slots = np.full(tokens, -1, dtype=np.int64)
            slots[:n_tok] = step.slots[g]
            buf[lay.slots[g] : lay.slots[g] + 2 * tokens] = slots.view(np.int32)
            table = buf[lay.tables[g] : lay.tables[g] + seqs * self.width].reshape(seqs, -1)
            table[:n_seq] = self.cache.manager.block_tables(g, step.rows)
            table[n_seq:] = 0  # padding rows read block 0, position 0 (finite, discarded)
        lens = buf[lay.seq_lens : lay.seq_lens + seqs]
        lens[:n_seq] = self.cache.manager.seq_lens[step.rows]
        lens[n_seq:] = 1
        qsl = np.zeros(n_seq + 1, dtype=np.int32)
        np.cumsum(step.counts, out=qsl[1:])
        buf[lay.qsl : lay.qsl + n_seq + 1] = qsl
        keep = qsl[1:].astype(np.int64) - 1
        buf[lay.logit_rows : lay.logit_rows + 2 * n_seq] = keep.view(np.int32)

    def _views(self, seqs: int, tokens: int, decode: bool) -> tuple[Tensor, Tensor, Tensor]:
        """(input_ids, positions, logit rows) and the cache's step context, over ``self.dev``."""
        lay, dev = self.layout, self.dev

        def int64(at: int, n: int) -> Tensor:
            return dev[at : at + 2 * n].view(torch.int64)

        self.cache.ctx = attn.StepContext(
            slots=[int64(lay.slots[g], tokens) for g in range(self.groups)],
            tables=[
                dev[lay.tables[g] : lay.tables[g] + seqs * self.width].view(seqs, self.width)
                for g in range(self.groups)
            ],
            seq_lens=dev[lay.seq_lens : lay.seq_lens + seqs],
            query_start_loc=None if decode else dev[lay.qsl : lay.qsl + seqs + 1],
            packed=True,
        )
        return (
            int64(lay.input_ids, tokens).view(1, tokens),
            int64(lay.positions, tokens).view(1, tokens),
            int64(lay.logit_rows, seqs),
        )

    def _upload(self, seqs: int) -> None:
        end = self.layout.tables[-1] + seqs * self.width
        self.dev[:end].copy_(self.host[:end], non_blocking=True)

    # --- forward -------------------------------------------------------------------------
    def _forward(self, ids: Tensor, pos: Tensor, keep: Tensor | int) -> Tensor:
        kwargs: dict[str, Any] = {self.cache_kwarg: self.cache, "use_cache": True}
        if self.keeps_logits:
            kwargs["logits_to_keep"] = keep
        given: AbstractContextManager[None] = (
            nullcontext() if self.positions is None else self.positions.given(pos)
        )
        with attn.packed_forward(self.cache.ctx if self.cache.indexed else None), given:
            if self.encdec is not None:
                step = self.step
                if step is None:
                    raise SequenceStateError(None, "no step in flight (ModelRunner.run sets it)")
                extra = self.encdec.step_kwargs(step.requests, step.counts)
                kwargs[self.cache_kwarg] = extra.pop("cache")
                out = self.model(decoder_input_ids=ids, **extra, **kwargs)
            elif self.positions is not None:
                out = self.model(input_ids=ids, **kwargs)
            else:
                out = self.model(input_ids=ids, position_ids=pos, **kwargs)
        logits: Tensor = out.logits[0]
        if not self.keeps_logits and isinstance(keep, Tensor):
            logits = logits.index_select(0, keep)
        return logits

    def run(self, step: ScheduledStep) -> Tensor:
        """Logits ``[len(step.requests), vocab]`` at each request's last scheduled token."""
        with torch.inference_mode():
            return self._run(step)

    def _run(self, step: ScheduledStep) -> Tensor:
        if not self.cache.paged_attention:
            return run_solo(self, step)
        if self.cache.state is not None:
            return self._run_rows(step, self.cache.state)
        n_seq = len(step.requests)
        if self.encdec is not None:
            self.encdec.encode(step.requests)
            self.step = step
        if step.decode and self.use_graphs and self._ensure_graph(bucket := self._bucket(n_seq)):
            self._fill(step, bucket, bucket)
            self._upload(bucket)
            graph, logits = self.graphs[bucket]
            graph.replay()
            return logits[:n_seq]
        tokens = step.num_tokens
        self._fill(step, n_seq, tokens)
        self._upload(n_seq)
        ids, pos, keep = self._views(n_seq, tokens, step.decode)
        return self._forward(ids, pos, 0 if step.decode else keep)

    def _run_rows(self, step: ScheduledStep, state: StateStore) -> Tensor:
        """One forward per ``[B, n]`` shape of the step, sequences as batch rows (hybrids)."""
        out: list[Tensor | None] = [None] * len(step.requests)
        for members, sub in split_by_shape(step):
            rows, n = len(sub.requests), sub.counts[0]
            self._fill(sub, rows, rows * n)
            self._upload(rows)
            ids, pos, _ = self._views(rows, rows * n, sub.decode)
            self.cache.bind_state(sub.rows, fresh=sub.starts[0] == 0)
            kwargs: dict[str, Any] = {self.cache_kwarg: self.cache, "use_cache": True}
            if self.keeps_logits:
                kwargs["logits_to_keep"] = 1
            try:
                with attn.packed_forward():
                    logits = self.model(
                        input_ids=ids.view(rows, n), position_ids=pos.view(rows, n), **kwargs
                    ).logits[:, -1]
            finally:
                state.flush()
            for k, row in zip(members, logits, strict=True):
                out[k] = row
        return torch.stack([row for row in out if row is not None])

    def _capture(self, batch: int) -> None:
        """Capture the decode forward of ``batch`` sequences (inputs: views of ``self.dev``)."""
        lay = self.layout
        buf = self.host_np
        buf[:] = 0
        for g in range(self.groups):
            buf[lay.slots[g] : lay.slots[g] + 2 * batch] = np.full(batch, -1, np.int64).view(
                np.int32
            )
        buf[lay.seq_lens : lay.seq_lens + batch] = 1
        self._upload(batch)
        ids, pos, _ = self._views(batch, batch, decode=True)
        stream = torch.cuda.Stream(self.device)
        stream.wait_stream(torch.cuda.current_stream(self.device))
        with torch.cuda.stream(stream):
            for _ in range(2):  # warm up: Triton compiles, allocator settles
                self._forward(ids, pos, 0)
        torch.cuda.current_stream(self.device).wait_stream(stream)
        graph = torch.cuda.CUDAGraph()
        with torch.cuda.graph(
            graph, pool=self.graph_pool, capture_error_mode=self.capture_error_mode
        ):
            logits = self._forward(ids, pos, 0)
        self.graph_pool = graph.pool()
        self.graphs[batch] = (graph, logits)

    def _bucket(self, n_seq: int) -> int:
        return next(b for b in graph_buckets(self.max_batch_size) if b >= n_seq)

    def _ensure_graph(self, batch: int) -> bool:
        """Capture ``batch``'s graph if needed; False (graphs dropped) if the capture fails."""
        if batch in self.graphs:
            return True
        try:
            self._capture(batch)
        except Exception as exc:  # OOM in the graph pool, an uncapturable op, ...
            self.graphs.clear()
            self.graph_pool = None
            self.use_graphs = False
            self.graph_error = f"{type(exc).__name__}: {exc}"
            if self.device.type == "cuda":
                torch.cuda.synchronize(self.device)
                torch.cuda.empty_cache()
            warnings.warn(
                f"CUDA graph capture of a {batch}-sequence decode step failed "
                f"({self.graph_error}); decoding eagerly from now on",
                RuntimeWarning,
                stacklevel=3,
            )
            return False
        return True

    def capture_all(self) -> None:
        """Capture every bucket, largest first (smaller graphs reuse its memory pool)."""
        for batch in reversed(graph_buckets(self.max_batch_size)):
            if not self.use_graphs or not self._ensure_graph(batch):
                return
