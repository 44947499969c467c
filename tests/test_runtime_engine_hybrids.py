"""The Engine on hybrids: recurrent state in kvarch's per-request rows, greedy tokens as
transformers' ``generate`` of each prompt alone (float32, CPU).

Eight prompts of varied lengths (2 to 61 tokens) in a pool small enough that a request is
preempted and recomputed; sequences finish and are admitted out of order, so the state rows
of a forward are not contiguous and are gathered and scattered back.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import torch

from kvarch.runtime.engine import Engine, SamplingParams
from kvarch.runtime.state import StateStore
from kvarch.runtime.state_layers import PagedStateLayer, StateLayer
from tests.oracle.truth import text_config
from tests.test_runtime_engine_families import (
    NEW,
    PAGE,
    assert_pool_empty,
    assert_same_or_tie,
    preempt_once,
    prompts,
    reference,
    spy_logits,
    spy_preemptions,
    tiny_model,
)

BUDGET, MAX_LEN, BLOCKS = 64, 80, 40
SLIDING_ONLY = {"recurrent-gemma"}
"""Models whose only attention slides (pages recycle, no request runs out of them): the
test preempts one itself."""

pytestmark = [
    pytest.mark.usefixtures("one_thread"),
    pytest.mark.filterwarnings("ignore:`past_key_values` is deprecated:FutureWarning"),
]

HYBRIDS = [
    "jamba",  # Mamba: selective scan, conv window
    "bamba-null-kv-heads",  # Mamba2
    "granitemoehybrid-mqa",  # Mamba2 beside MoE attention
    "falcon-h1-mqa-head-dim",  # attention and Mamba2 in every layer (PagedStateLayer)
    "qwen3-next-layer-types",  # gated DeltaNet
    "qwen3-5-text-interval",  # gated DeltaNet (qwen3_next's child)
    "zaya-sliding",  # CCA state beside full and sliding attention in one layer
    "minimax",  # lightning attention through MiniMaxCache's get/set_linear_cache
    "kimi-linear-layer-types",  # KDA beside MLA (latent attention gathered per sequence)
    "nemotron-h",  # Mamba2 beside cache-less MLP blocks (DummyLayer)
    "lfm2-layer-types",  # a short convolution's window only
    "olmo-hybrid-layer-types",  # gated DeltaNet
    "zamba2-mqa",  # Mamba2 beside shared attention blocks (one module, several layers)
    "zamba",  # multi-head Mamba beside a shared attention block
    "recurrent-gemma",  # conv and RG-LRU state its blocks keep on their modules (module_state)
    # attention that cannot read the pages: one sequence per forward (runtime/solo.py)
    "inkling-text-pattern",  # short conv state; relative-position bias in attention
    "inkling2-text-pattern",
    "inkling2-loop-text",  # looped layers' per-pass cache copies
    "qwen4-exp-text-interval",  # gated DeltaNet; indexer top-k through the mask
    "qwen4-exp-vlm",
    "qwen4-exp-text-ple",  # PLE: its convolution window and n-gram token ids (int64)
]


def spy_binds(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> list[tuple[list[int], bool]]:
    """``(rows, fresh)`` of every forward the engine bound state for."""
    seen: list[tuple[list[int], bool]] = []
    bind = engine.cache.bind_state

    def spy(rows: Any, *, fresh: bool) -> None:
        seen.append(([int(r) for r in rows], fresh))
        bind(rows, fresh=fresh)

    monkeypatch.setattr(engine.cache, "bind_state", spy)
    return seen


@pytest.mark.parametrize("variant_id", HYBRIDS)
def test_engine_greedy_matches_generate_alone(
    variant_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ref, model = tiny_model(variant_id), tiny_model(variant_id)
    batch = prompts(int(text_config(ref.config).vocab_size))
    engine = Engine(
        model, max_batch_size=len(batch), max_seq_len=MAX_LEN, page_size=PAGE,
        num_blocks=BLOCKS, max_num_batched_tokens=BUDGET,
    )  # fmt: skip
    store = engine.cache.state
    assert isinstance(store, StateStore)
    held = [
        layer for layer in engine.cache.layers if isinstance(layer, StateLayer | PagedStateLayer)
    ]
    assert held and len(held) == len(store.specs)
    preempted = spy_preemptions(engine, monkeypatch)
    if variant_id in SLIDING_ONLY:
        preempt_once(engine, monkeypatch)
    binds = spy_binds(engine, monkeypatch)
    serve_and_compare(engine, ref, batch, monkeypatch)
    assert preempted, "no request was preempted: shrink BLOCKS"
    assert engine.stats.prefix_hit_tokens == 0  # a state cannot restart from cached pages
    if engine.cache.paged_attention:  # solo forwards bind one row each
        assert any(np.any(np.diff(rows) != 1) for rows, _ in binds), "rows always contiguous"
    fresh = [len(rows) for rows, f in binds if f]
    assert sum(fresh) == len(batch) + engine.stats.preemptions  # every (re)admission zeroed
    assert_pool_empty(engine)
    assert not engine.cache.manager.seqs  # every state row went back with its sequence


def test_prompts_are_prefilled_whole_and_a_longer_one_is_refused() -> None:
    """Hybrids never chunk a prompt: a prompt above the token budget finishes with an error
    naming it; the others run, each prefilled in one forward."""
    engine = Engine(
        tiny_model("jamba"), max_batch_size=4, max_seq_len=MAX_LEN, page_size=PAGE,
        num_blocks=BLOCKS, max_num_batched_tokens=16,
    )  # fmt: skip
    counts: list[int] = []
    run = engine.runner._run_rows

    def spy(step: Any, state: StateStore) -> torch.Tensor:
        counts.extend(c for c, s in zip(step.counts, step.starts, strict=True) if s == 0)
        return run(step, state)

    engine.runner._run_rows = spy  # type: ignore[method-assign]
    outs = engine.generate([[1] * 20, [2] * 16, [3] * 5], SamplingParams(max_tokens=2))
    assert outs[0].finish_reason == "error"
    assert "max_num_batched_tokens 16" in str(outs[0].error)
    assert [o.finish_reason for o in outs[1:]] == ["length", "length"]
    assert sorted(counts) == [5, 16]


@pytest.mark.parametrize("variant_id", ["inkling-text-pattern", "qwen4-exp-text-interval"])
def test_solo_hybrids_in_a_pool_that_never_preempts(
    variant_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hybrids served one sequence at a time also match without any preemption (every
    request decodes from its first prefill's state and pages)."""
    ref, model = tiny_model(variant_id), tiny_model(variant_id)
    batch = prompts(int(text_config(ref.config).vocab_size))
    engine = Engine(
        model, max_batch_size=len(batch), max_seq_len=MAX_LEN, page_size=PAGE,
        num_blocks=4 * BLOCKS, max_num_batched_tokens=BUDGET,
    )  # fmt: skip
    assert not engine.cache.paged_attention
    preempted = spy_preemptions(engine, monkeypatch)
    serve_and_compare(engine, ref, batch, monkeypatch)
    assert not preempted
    assert_pool_empty(engine)


def serve_and_compare(
    engine: Engine, ref: Any, batch: list[list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Serve ``batch`` together; each request's greedy tokens equal ``ref``'s ``generate`` of
    it alone (or differ only at a tie of its logits)."""
    params = [SamplingParams(max_tokens=NEW, ignore_eos=True) for _ in batch]
    seen = spy_logits(monkeypatch, params)
    outs = engine.generate(batch, params)
    for i, (prompt, out) in enumerate(zip(batch, outs, strict=True)):
        assert out.finish_reason == "length", out.error
        want, logits = reference(ref, prompt, NEW)
        assert_same_or_tie(out.token_ids, want, logits, torch.stack(seen[i]), f"request {i}")
