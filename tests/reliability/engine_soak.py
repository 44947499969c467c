"""Engine soak: a seeded random workload on the online API (``add_request`` / ``step`` /
``abort``) of a tiny float32 llama on CPU (issue 16).

Requests arrive at random between steps, with random prompt lengths (many sharing one of a
few prefixes, some repeated whole), random ``max_tokens``, stop tokens, EOS or not, a
``cache_salt`` for some, and prompts too long to ever fit; live requests are cancelled at
random. The pool is small enough that decoding preempts. After every step:

- the block-manager audit holds (no leaked or doubly-owned page, ref counts = table owners,
  free + owned = the pool, prefix index consistent; ``tests.test_runtime_blocks.audit``);
- the live set matches: the engine's live requests = the driver's = waiting + running, and the
  block manager's sequences = the running requests;
- every request gets exactly one finish (a finish event, or a successful ``abort``) and no
  event after it; ``abort`` of a finished or unknown id returns False;
- finish reasons are consistent with the tokens (``stop``: the last token is a stop token and
  no earlier one is; ``length``: exactly ``max_tokens`` or up to ``max_seq_len``);
- sampled requests' tokens (``check_every``: 1 in N) equal a solo ``model.generate`` (greedy,
  no EOS) of a twin model with the same weights, cut where the request stopped or was
  cancelled.
"""

from __future__ import annotations

import copy
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import torch
from transformers import LlamaConfig, LlamaForCausalLM

from kvarch.runtime.engine import Engine, SamplingParams
from tests.test_runtime_blocks import audit

VOCAB = 64
PAGE = 4
MAX_SEQ_LEN = 48
MAX_NEW = 12
SALTS = ("tenant-a", "tenant-b")


def tiny_llama(seed: int = 0) -> Any:
    """A 1-layer llama, hidden 32, vocab 64 (float32, random weights of ``seed``)."""
    torch.manual_seed(seed)
    config = LlamaConfig(
        hidden_size=32, intermediate_size=64, num_hidden_layers=1, num_attention_heads=4,
        num_key_value_heads=2, vocab_size=VOCAB, max_position_embeddings=128,
        eos_token_id=2, bos_token_id=1, pad_token_id=0,
    )  # fmt: skip
    return LlamaForCausalLM(config).eval()


def inject_faults(model: Any, poison: int) -> None:
    """Make ``poison`` (the last token id) a fault: a forward whose input holds it raises, and
    the model never emits it (its logit is -inf), so only poisoned prompts ever fail."""

    def raise_on_poison(_: Any, args: Any, kwargs: dict[str, Any]) -> None:
        ids = kwargs.get("input_ids", args[0] if args else None)
        if ids is not None and bool((ids == poison).any()):
            raise RuntimeError("injected fault")

    def never_emit(_: Any, __: Any, logits: torch.Tensor) -> torch.Tensor:
        return logits.index_fill(-1, torch.tensor([poison], device=logits.device), -torch.inf)

    model.register_forward_pre_hook(raise_on_poison, with_kwargs=True)
    model.get_output_embeddings().register_forward_hook(never_emit)


class SoakFailure(AssertionError):
    """An invariant broke (the message names the step and the request)."""


@dataclass
class Tracked:
    """What the driver knows of one request."""

    prompt: list[int]
    params: SamplingParams
    stops: frozenset[int]
    poisoned: bool = False
    tokens: list[int] = field(default_factory=list)
    finish: str | None = None


@dataclass
class EngineSoak:
    """The engine, a twin model for solo runs, the driver's shadow of every request."""

    seed: int = 0
    variant: str | None = None
    """An oracle catalogue variant (``tests/oracle/variants.py``: sliding windows, mixed
    groups); None: the tiny llama."""
    num_blocks: int = 28
    max_batch_size: int = 12
    budget: int = 48
    check_every: int = 1
    """Compare 1 in N finished or cancelled requests with a solo run (1: all)."""
    abort_rate: float = 0.04
    max_live: int = 48
    """Clients in flight at most (arrivals pause above it, so the queue stays bounded)."""
    fault_rate: float = 0.005
    """Chance that a request's prompt holds the poison token: the forward of every step
    serving it raises (a fault inside a step); it must end in ``error``, alone."""
    rng: random.Random = field(init=False)
    engine: Engine = field(init=False)
    twin: Any = field(init=False)
    requests: dict[int, Tracked] = field(default_factory=dict)
    live: set[int] = field(default_factory=set)
    counts: Counter[str] = field(default_factory=Counter)
    solo_cache: dict[tuple[int, ...], list[int]] = field(default_factory=dict)
    prefixes: list[list[int]] = field(default_factory=list)
    recent: list[list[int]] = field(default_factory=list)
    emitted: list[int] = field(default_factory=list)
    """The last tokens generated (stop tokens are drawn from them)."""

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        model = tiny_llama(self.seed) if self.variant is None else _variant(self.variant)
        self.poison = int(model.get_input_embeddings().num_embeddings) - 1
        self.vocab = self.poison  # prompts and stop tokens draw from [3, poison)
        inject_faults(model, self.poison)
        self.twin = copy.deepcopy(model)  # before the engine switches the model's attention
        self.engine = Engine(
            model,
            max_batch_size=self.max_batch_size,
            max_seq_len=MAX_SEQ_LEN,
            page_size=PAGE,
            num_blocks=self.num_blocks,
            max_num_batched_tokens=self.budget,
            cuda_graphs=False,
        )
        rng = self.rng
        self.prefixes = [
            [rng.randrange(3, self.vocab) for _ in range(n)] for n in (3, 4, 8, 9, 16, 21)
        ]

    # --- workload ---------------------------------------------------------------------------
    def _prompt(self) -> list[int]:
        rng = self.rng
        roll = rng.random()
        if roll < 0.15 and self.recent:
            return list(rng.choice(self.recent))  # a whole prompt again (a full prefix hit)
        if roll < 0.17:
            return [rng.randrange(3, self.vocab) for _ in range(rng.randrange(MAX_SEQ_LEN, 60))]
        head = list(rng.choice(self.prefixes)) if roll < 0.75 else []
        tail = [rng.randrange(3, self.vocab) for _ in range(rng.randrange(0 if head else 1, 14))]
        prompt = head + tail
        self.recent = [*self.recent, prompt][-32:]
        return prompt

    def _params(self, prompt: list[int]) -> SamplingParams:
        rng = self.rng
        stop: tuple[int, ...] = ()
        if rng.random() < 0.3:  # tokens the model has been emitting lately: stops happen
            pool = self.emitted or list(range(3, self.vocab))
            stop = tuple({rng.choice(pool) for _ in range(rng.randrange(1, 4))})
        return SamplingParams(
            max_tokens=rng.randrange(1, MAX_NEW + 1),
            stop_token_ids=stop,
            ignore_eos=rng.random() < 0.7,
            cache_salt=rng.choice(SALTS) if rng.random() < 0.2 else None,
        )

    def add(self) -> int:
        prompt = self._prompt()
        params = self._params(prompt)
        poisoned = self.fault_rate > 0 and self.rng.random() < self.fault_rate
        if poisoned:
            prompt = list(prompt)
            prompt[self.rng.randrange(len(prompt))] = self.poison
        rid = self.engine.add_request(prompt, params)
        if rid in self.requests:
            raise SoakFailure(f"request id {rid} handed out twice")
        stops = frozenset(params.stop_token_ids) | (
            frozenset() if params.ignore_eos else self.engine.eos
        )
        self.requests[rid] = Tracked(prompt, params, stops, poisoned)
        self.counts["poisoned"] += poisoned
        self.live.add(rid)
        self.counts["requests"] += 1
        self.counts["salted"] += params.cache_salt is not None
        self.counts["with stop tokens"] += bool(params.stop_token_ids)
        return rid

    def abort(self) -> None:
        rng = self.rng
        if self.live and rng.random() < 0.9:
            rid = rng.choice(sorted(self.live))
            if not self.engine.abort(rid):
                raise SoakFailure(f"abort({rid}) of a live request returned False")
            self.live.discard(rid)
            self._finished(rid, "abort")
            self.counts["aborted"] += 1
        else:  # a finished (or never issued) id: refused
            rid = rng.randrange(0, len(self.requests) + 5)
            if rid not in self.live and self.engine.abort(rid):
                raise SoakFailure(f"abort({rid}) of a request not live returned True")
            self.counts["stale aborts refused"] += rid not in self.live

    # --- checks -----------------------------------------------------------------------------
    def _finished(self, rid: int, reason: str) -> None:
        t = self.requests[rid]
        if t.finish is not None:
            raise SoakFailure(f"request {rid} finished twice ({t.finish}, then {reason})")
        t.finish = reason
        self.counts[f"finish {reason}"] += 1
        limit = max(0, min(t.params.max_tokens, MAX_SEQ_LEN - len(t.prompt)))
        out = t.tokens
        if reason == "error":
            # poisoned, longer than max_seq_len, or more pages than the whole pool even alone
            fits = len(t.prompt) < MAX_SEQ_LEN and len(t.prompt) + limit - 1 <= self.capacity
            if (fits and not t.poisoned) or (out and self.solo(t.prompt)[: len(out)] != out):
                raise SoakFailure(f"request {rid} errored (prompt {t.prompt}, tokens {out})")
            why = (
                "poisoned" if t.poisoned else "too long" if len(t.prompt) >= MAX_SEQ_LEN else "pool"
            )
            self.counts[f"error: {why}"] += 1
            return
        if t.poisoned and reason != "abort":
            raise SoakFailure(f"poisoned request {rid} finished {reason!r}: {out}")
        early = [i for i, tok in enumerate(out[:-1]) if tok in t.stops]
        if early:
            raise SoakFailure(f"request {rid} went on past stop token at {early[0]}: {out}")
        if reason == "stop" and (not out or out[-1] not in t.stops):
            raise SoakFailure(f"request {rid} finished 'stop' without a stop token: {out}")
        if reason == "length" and (len(out) != limit or out[-1] in t.stops):
            raise SoakFailure(f"request {rid} finished 'length' after {len(out)} of {limit}")
        if len(out) > limit:
            raise SoakFailure(f"request {rid}: {len(out)} tokens, limit {limit}")
        if rid % self.check_every == 0:
            want = self.solo(t.prompt)[: len(out)] if out else []
            self.counts["solo checks"] += 1
            if out != want:
                raise SoakFailure(
                    f"request {rid} ({reason}, prompt {t.prompt}, salt {t.params.cache_salt}): "
                    f"tokens {out} != solo {want}"
                )

    @property
    def capacity(self) -> int:
        """Tokens the pool holds."""
        return self.num_blocks * PAGE

    def solo(self, prompt: list[int]) -> list[int]:
        """Greedy tokens of ``prompt`` alone (no EOS), as many as it can ever get."""
        key = tuple(prompt)
        if key not in self.solo_cache:
            new = min(MAX_NEW, MAX_SEQ_LEN - len(prompt))
            with torch.no_grad():
                out = self.twin.generate(
                    torch.tensor([prompt]), max_new_tokens=new, do_sample=False,
                    eos_token_id=None, pad_token_id=0,
                )  # fmt: skip
            self.solo_cache[key] = [int(x) for x in out[0, len(prompt) :]]
            self.counts["solo runs"] += 1
        return self.solo_cache[key]

    def check_state(self, step: int) -> None:
        eng = self.engine
        sched, manager = eng.scheduler, eng.cache.manager
        try:
            audit(manager)
        except AssertionError as exc:
            raise SoakFailure(f"step {step}: pool audit failed: {exc}") from exc
        queued = [r.index for r in sched.waiting] + [r.index for r in sched.running]
        if len(set(queued)) != len(queued):
            raise SoakFailure(f"step {step}: a request queued twice: {sorted(queued)}")
        if set(queued) != self.live or set(eng._live) != self.live:
            raise SoakFailure(
                f"step {step}: live sets differ: driver {sorted(self.live)}, engine "
                f"{sorted(eng._live)}, scheduler {sorted(queued)}"
            )
        if set(manager.seqs) != {id(r) for r in sched.running}:
            raise SoakFailure(f"step {step}: block-manager sequences != running requests")
        for r in sched.running:
            salt = r.sampling.cache_salt
            if manager.seqs[id(r)].root != _root(salt):
                raise SoakFailure(f"step {step}: request {r.index} hashed under another salt")
        for pool in {id(p): p for p in manager.pools}.values():
            owned = int((pool.ref > 0).sum())
            if owned + pool.num_free != pool.num_blocks:
                raise SoakFailure(f"step {step}: free {pool.num_free} + owned {owned} != pool")

    def _dump(self) -> str:
        sched = self.engine.scheduler
        pools = {id(p): p for p in self.engine.cache.manager.pools}.values()

        def show(r: Any) -> str:
            return (
                f"#{r.index}(len {r.length}, prompt {r.num_prompt}, computed {r.computed}, "
                f"failures {r.failures}, finish {r.finish_reason})"
            )

        return (
            f"waiting {[show(r) for r in sched.waiting]}, running "
            f"{[show(r) for r in sched.running]}, free pages {[p.num_free for p in pools]}"
        )

    # --- the loop ---------------------------------------------------------------------------
    def run(self, num_requests: int, progress: int = 0) -> Counter[str]:
        """Serve ``num_requests``; with ``progress``, print a line every that many."""
        rng, eng = self.rng, self.engine
        step = idle = served = quiet = 0
        start = time.perf_counter()
        while self.counts["requests"] < num_requests or self.live:
            if self.counts["requests"] < num_requests and len(self.live) < self.max_live:
                burst = rng.choice((0, 0, 0, 1, 1, 2, 3, 6))
                for _ in range(min(burst, num_requests - self.counts["requests"])):
                    self.add()
                    if progress and self.counts["requests"] % progress == 0:
                        print(
                            f"  {self.counts['requests']} requests, {step} steps, "
                            f"{len(self.live)} live, "
                            f"{time.perf_counter() - start:.0f} s",
                            flush=True,
                        )
            if rng.random() < self.abort_rate:
                self.abort()
            events = eng.step()
            step += 1
            if events or eng.stats.steps != served:
                served, idle = eng.stats.steps, step
            elif step - idle > 100:
                raise SoakFailure(f"step {step}: no step ran for 100 steps; {self._dump()}")
            if events or not self.live:
                quiet = step
            elif step - quiet > 1000:
                raise SoakFailure(f"step {step}: no token for 1000 steps; {self._dump()}")
            for ev in events:
                t = self.requests.get(ev.request_id)
                if t is None or t.finish is not None or ev.request_id not in self.live:
                    raise SoakFailure(f"step {step}: event {ev} for a request not live")
                if ev.token is not None:
                    t.tokens.append(ev.token)
                    self.emitted.append(ev.token)
                if ev.finish_reason is not None:
                    self.live.discard(ev.request_id)
                    self._finished(ev.request_id, ev.finish_reason)
            self.check_state(step)
            del self.emitted[:-64]
        self.counts["steps"] = step
        self.counts["engine steps"] = eng.stats.steps
        self.counts["preemptions"] = eng.stats.preemptions
        self.counts["prefix hit tokens"] = eng.stats.prefix_hit_tokens
        self.counts["generated tokens"] = eng.stats.generated_tokens
        self.counts["failed steps"] = eng.stats.failed_steps
        unfinished = [rid for rid, t in self.requests.items() if t.finish is None]
        if unfinished or eng.has_unfinished_requests:
            raise SoakFailure(f"requests never finished: {unfinished[:10]}")
        pools = {id(p): p for p in eng.cache.manager.pools}.values()
        if eng.cache.manager.seqs or any(p.num_free != p.num_blocks for p in pools):
            raise SoakFailure("pages still owned after every request finished")
        return self.counts


def _variant(name: str) -> Any:
    from tests.oracle.truth import build_model
    from tests.oracle.variants import available_variants, make_config

    variant = next(v for v in available_variants() if v.id == name)
    return build_model(make_config(variant))


def _root(salt: str | None) -> bytes:
    from kvarch.runtime.prefix import root_hash

    return root_hash(salt)


def soak(num_requests: int, seed: int = 0, **kwargs: Any) -> Counter[str]:
    """Run ``num_requests`` through a fresh engine; the counters (raises ``SoakFailure``)."""
    return EngineSoak(seed=seed, **kwargs).run(num_requests)
