"""Continuous batching: which requests run each step, and how many of their tokens.

Every step serves running requests first (one token each in decode, the next chunk of a
prompt still being prefilled), then admits waiting requests in arrival order while the token
budget, the batch rows and the free pages allow. Pages are taken as tokens arrive (a prompt's
pages at admission, one page per ``page_size`` generated tokens). When a running request finds
no free page, the newest running request is preempted: its pages are freed and it waits again
with its prompt and its tokens so far, to be recomputed (prefix caching makes that cheap). A
request running alone is never preempted (it would come straight back): it takes smaller
chunks, and short of a page for one token it can never fit and fails. The block manager is the
only owner of pages; this module only decides.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from kvarch.runtime.blocks import BlockManager
from kvarch.runtime.errors import OutOfBlocksError

__all__ = ["Request", "ScheduledStep", "Scheduler", "split_by_shape"]


@dataclass(eq=False)
class Request:
    """One prompt and what has been generated for it."""

    index: int
    """Position in the caller's submission order."""
    tokens: list[int]
    """Prompt then generated tokens (appended as they come)."""
    num_prompt: int
    max_tokens: int
    stop_token_ids: frozenset[int]
    sampling: Any
    """The request's ``SamplingParams`` (opaque here)."""
    computed: int = 0
    """Leading tokens whose K/V are in the cache (or being written this step)."""
    finish_reason: str | None = None
    error: str | None = None
    hit_tokens: int = 0
    """Prompt tokens found in the prefix cache (summed over admissions)."""
    row: int = -1
    """Block-manager row while running."""
    failures: int = 0
    """Failed steps in a row that served it (a suspect runs alone until it gets a token)."""
    encoder_input: Any = None
    """Encoder–decoder models: what the encoder reads (token ids or features; opaque here)."""
    prefix_salt: bytes | None = None
    """Salt of its prefix-hash chain when set (else ``sampling.cache_salt``): encoder–decoder
    requests fold their encoder input in, so only equal inputs share blocks."""

    @property
    def prompt(self) -> list[int]:
        return self.tokens[: self.num_prompt]

    @property
    def output(self) -> list[int]:
        """Generated tokens (a copy)."""
        return self.tokens[self.num_prompt :]

    @property
    def num_output(self) -> int:
        return len(self.tokens) - self.num_prompt

    @property
    def length(self) -> int:
        return len(self.tokens)

    @property
    def finished(self) -> bool:
        return self.finish_reason is not None


@dataclass
class ScheduledStep:
    """One forward: the requests it serves, each with ``[start, start + count)`` positions."""

    requests: list[Request]
    starts: list[int]
    counts: list[int]
    slots: list[np.ndarray]
    """Per group: int64 slot of every scheduled token, in order."""
    rows: np.ndarray
    """Block-manager rows of the requests, in order."""
    decode: bool
    """Every request gets exactly one token (a CUDA-graph decode step)."""
    samples: list[bool]
    """Whether each request's last scheduled token is its newest (so a token is sampled)."""

    @property
    def num_tokens(self) -> int:
        return sum(self.counts)


def split_by_shape(step: ScheduledStep) -> list[tuple[list[int], ScheduledStep]]:
    """The step as sub-steps whose requests all start fresh or all continue, with one token
    count each (a ``[B, n]`` batch of sequences): (positions in ``step``, sub-step)."""
    ends = np.cumsum(step.counts)
    keyed: dict[tuple[bool, int], list[int]] = {}
    for k, (start, count) in enumerate(zip(step.starts, step.counts, strict=True)):
        keyed.setdefault((start == 0, count), []).append(k)
    out = []
    for (_, count), members in keyed.items():
        slots = [
            np.concatenate([s[ends[k] - step.counts[k] : ends[k]] for k in members])
            for s in step.slots
        ]
        out.append((members, ScheduledStep(
            requests=[step.requests[k] for k in members],
            starts=[step.starts[k] for k in members],
            counts=[count] * len(members),
            slots=slots,
            rows=step.rows[members],
            decode=count == 1,
            samples=[step.samples[k] for k in members],
        )))  # fmt: skip
    return out


class Scheduler:
    """Waiting and running queues over one ``BlockManager``."""

    def __init__(
        self,
        manager: BlockManager,
        *,
        max_batch_size: int,
        max_num_batched_tokens: int,
        prefix_caching: bool,
        whole_prompts: bool = False,
    ) -> None:
        self.manager = manager
        self.whole_prompts = whole_prompts
        """Prefill each prompt in one step, never in chunks (models with recurrent state: their
        mixers cannot all continue a scan from a saved state)."""
        self.max_batch_size = max_batch_size
        self.budget = max_num_batched_tokens
        self.prefix_caching = prefix_caching
        self.waiting: deque[Request] = deque()
        self.running: list[Request] = []
        self.preemptions = 0
        self.refused: list[Request] = []
        """Requests finished with an error while scheduling (they can never fit); the caller
        collects and clears them."""

    def add(self, request: Request) -> None:
        self.waiting.append(request)

    @property
    def has_work(self) -> bool:
        return bool(self.waiting or self.running)

    def schedule(self) -> ScheduledStep | None:
        """The next step (None when nothing can run); requests that can never fit are finished
        with ``finish_reason='error'`` and left for the caller to collect."""
        chosen: list[tuple[Request, int, int]] = []
        budget = self.budget
        decoding = [r for r in self.running if r.computed == len(r.tokens) - 1]
        slots_decode, decoding = self._grow_decode(decoding)
        budget -= len(decoding)
        chosen += [(r, r.computed, 1) for r in decoding]
        scheduled = set(decoding)
        extra_slots: list[list[np.ndarray]] = []
        for req in [r for r in self.running if r.computed < len(r.tokens) - 1]:
            if budget <= 0:
                break
            grown = self._append(req, min(req.length - req.computed, budget), scheduled)
            if grown is None:
                continue
            slots, count = grown
            extra_slots.append(slots)
            chosen.append((req, req.computed, count))
            budget -= count
        while self.waiting and budget > 0 and len(self.running) < self.max_batch_size:
            req = self.waiting[0]
            if any(r.failures for r in self.running):
                break  # a suspect runs alone
            if req.failures and (self.running or chosen):
                break  # a suspect waits to run alone
            admitted = self._admit(req, budget)
            if admitted is None:
                break
            self.waiting.popleft()
            if req.finished:
                self.refused.append(req)
                continue
            start, count, slots = admitted
            self.running.append(req)
            extra_slots.append(slots)
            chosen.append((req, start, count))
            budget -= count
            if req.failures:
                break
        if not chosen:
            return None
        for req, start, count in chosen:
            req.computed = start + count
        groups = len(self.manager.pools)
        slots = [
            np.concatenate(
                ([slots_decode[g]] if decoding else []) + [s[g] for s in extra_slots]
            ).astype(np.int64, copy=False)
            for g in range(groups)
        ]
        requests = [c[0] for c in chosen]
        rows = np.fromiter((r.row for r in requests), dtype=np.int64, count=len(requests))
        return ScheduledStep(
            requests=requests,
            starts=[c[1] for c in chosen],
            counts=[c[2] for c in chosen],
            slots=slots,
            rows=rows,
            decode=all(c[2] == 1 for c in chosen),
            samples=[start + count == len(r.tokens) for r, start, count in chosen],
        )

    def _grow_decode(self, decoding: list[Request]) -> tuple[list[np.ndarray], list[Request]]:
        """One slot for each decoding request (vectorised), preempting the newest on no room;
        the slots and the requests still decoding."""
        while decoding:
            rows = np.fromiter((r.row for r in decoding), dtype=np.int64, count=len(decoding))
            last = np.fromiter((r.tokens[-1] for r in decoding), dtype=np.int64)
            try:
                slots = self.manager.decode_step(rows, last if self.prefix_caching else None)
            except OutOfBlocksError as exc:
                victim = self.running[-1]
                if len(self.running) == 1:  # alone: no other request will free pages
                    self._fail(victim, exc)
                else:
                    self._preempt(victim)
                decoding = [r for r in decoding if r is not victim]
                continue
            return slots, decoding
        return [np.empty(0, dtype=np.int64) for _ in self.manager.pools], []

    def _append(
        self, req: Request, count: int, scheduled: set[Request]
    ) -> tuple[list[np.ndarray], int] | None:
        """Pages for up to ``count`` more prompt tokens of a running request: (slots, tokens
        given); None when it was preempted, or failed because it can never fit.

        Requests already given pages this step (``scheduled``) are never preempted for it. A
        request running alone takes a smaller chunk rather than preempting itself (a sliding
        window's pages are recycled as the prefill advances); alone and short of pages for
        one token, it can never fit (recomputing it would only bring it back here).
        """
        while True:
            try:
                tokens: Sequence[int] | int = req.tokens[req.computed : req.computed + count]
                if not self.prefix_caching:
                    tokens = count
                slots = self.manager.append(id(req), tokens)
            except OutOfBlocksError as exc:
                victims = [r for r in self.running if r not in scheduled]
                victim = victims[-1]  # req itself at worst
                if victim is req and len(self.running) == 1:
                    if count > 1:
                        count //= 2
                        continue
                    self._fail(req, exc)
                    return None
                self._preempt(victim)
                if victim is req:
                    return None
                continue
            scheduled.add(req)
            return slots, count

    def _admit(self, req: Request, budget: int) -> tuple[int, int, list[np.ndarray]] | None:
        """Start a waiting request: (first position, tokens scheduled, slots); None if no room."""
        manager = self.manager
        total = req.length
        if total >= manager.max_seq_len:  # no room for one generated token
            req.finish_reason = "error"
            req.error = (
                f"prompt of {req.num_prompt} tokens (+{req.num_output} generated) leaves no "
                f"room below max_seq_len {manager.max_seq_len}"
            )
            return 0, 0, []
        salt = req.prefix_salt or getattr(req.sampling, "cache_salt", None)
        hit = manager.cached_prefix(req.tokens, salt) if self.prefix_caching else 0
        count = min(total - hit, budget)
        if self.whole_prompts and count < total - hit:
            if total - hit <= self.budget:
                return None  # waits for a step with room for all of it
            req.finish_reason = "error"
            req.error = (
                f"prompt of {req.num_prompt} tokens (+{req.num_output} generated) is prefilled "
                f"in one step (recurrent state), above max_num_batched_tokens {self.budget}"
            )
            return 0, 0, []
        while True:
            try:
                got = manager.add(id(req), req.tokens[: hit + count], salt)
                break
            except OutOfBlocksError as exc:
                if self.running:
                    return None
                if count > 1 and not self.whole_prompts:  # alone: a smaller first chunk
                    count //= 2
                    continue
                # nothing will free pages: it can never fit
                req.finish_reason = "error"
                req.error = f"the prompt needs more pages than the cache holds ({exc})"
                return 0, 0, []
        count = hit + count - got
        req.computed = got
        req.row = manager.row(id(req))
        req.hit_tokens += got
        return got, count, manager.slots(id(req), got, got + count)

    def _fail(self, req: Request, exc: OutOfBlocksError) -> None:
        """Finish a running request that cannot grow even alone (pages freed, collected with
        the refused ones)."""
        self.manager.free(id(req))
        self.running.remove(req)
        req.finish_reason = "error"
        req.error = (
            f"prompt of {req.num_prompt} tokens (+{req.num_output} generated) needs more pages "
            f"than the cache holds ({exc})"
        )
        self.refused.append(req)

    def _preempt(self, req: Request) -> None:
        """Free ``req``'s pages; it waits (first in line) to be recomputed."""
        self.manager.free(id(req))
        self.running.remove(req)
        req.computed = 0
        self.waiting.appendleft(req)
        self.preemptions += 1

    def fail(self, step: ScheduledStep, why: str) -> list[Request]:
        """The step's forward or sampling raised: free its requests' pages (dropping the
        blocks it was writing from the prefix cache) and retry each alone; a request that
        already failed (so it failed alone) finishes with ``error``. Returns those."""
        failed: list[Request] = []
        retry: list[Request] = []
        for req, start in zip(step.requests, step.starts, strict=True):
            if req not in self.running:
                continue
            self.manager.free(id(req), forget_from=start)
            self.running.remove(req)
            req.computed = 0
            req.failures += 1
            if req.failures >= 2:
                req.finish_reason = "error"
                req.error = f"the step serving it failed again, alone: {why}"
                failed.append(req)
            else:
                retry.append(req)
        self.waiting.extendleft(reversed(retry))
        return failed

    def finish(self, req: Request) -> None:
        """Release a finished running request's pages."""
        if req in self.running:
            self.running.remove(req)
            self.manager.free(id(req))

    def abort(self, req: Request) -> None:
        """Drop a request wherever it is (its pages go back to the pool)."""
        if req in self.running:
            self.finish(req)
        elif req in self.waiting:
            self.waiting.remove(req)
