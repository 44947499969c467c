"""The Engine's online API (add_request / step / abort) and faults inside a step.

A forward that raises must leave the engine serving the other requests: the failing request
reports a typed error once it has failed alone, the others' tokens equal ``generate``'s, no
page leaks, and blocks the failed step was writing never serve a later prefix hit.
"""

from __future__ import annotations

from typing import Any

import pytest
import torch
from transformers import LlamaConfig, LlamaForCausalLM

from kvarch.runtime.engine import Engine, SamplingParams, TokenEvent

PAGE, NEW, POISON = 4, 6, 97
GREEDY = SamplingParams(max_tokens=NEW, ignore_eos=True)
pytestmark = pytest.mark.usefixtures("one_thread")


def model() -> Any:
    torch.manual_seed(0)
    config = LlamaConfig(
        hidden_size=64, intermediate_size=128, num_hidden_layers=2, num_attention_heads=4,
        num_key_value_heads=2, vocab_size=100, max_position_embeddings=128,
    )  # fmt: skip
    return LlamaForCausalLM(config).eval()


def alone(m: Any, prompt: list[int]) -> list[int]:
    out = m.generate(
        torch.tensor([prompt]), max_new_tokens=NEW, do_sample=False, eos_token_id=None,
        pad_token_id=0,
    )  # fmt: skip
    return [int(t) for t in out[0, len(prompt) :]]


def pool_is_empty(engine: Engine) -> bool:
    pools = {id(p): p for p in engine.cache.manager.pools}.values()
    return not engine.cache.manager.seqs and all(p.num_free == p.num_blocks for p in pools)


def poison(m: Any) -> None:
    """Every forward whose input holds POISON raises (a fault inside the step)."""

    def hook(_: Any, args: Any, kwargs: dict[str, Any]) -> None:
        ids = kwargs.get("input_ids", args[0] if args else None)
        if ids is not None and bool((ids == POISON).any()):
            raise RuntimeError("injected fault")

    m.register_forward_pre_hook(hook, with_kwargs=True)


SHARED = [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]  # three full pages


def test_a_failing_request_errors_alone_and_the_others_are_served() -> None:
    m = model()
    good = [[1, 2, 3, 4, 5], [*SHARED, 40, 41], [20, 21, 22], [30, 31, 32, 33, 34, 35, 36]]
    want = [alone(m, p) for p in good]
    later = [*SHARED, 50, 51, 52]
    want_later = alone(m, later)
    poison(m)
    engine = Engine(m, max_batch_size=8, max_seq_len=64, page_size=PAGE, num_blocks=64)
    bad = [*SHARED, 60, POISON, 61]  # its shared pages are indexed as the failing step starts
    outs = engine.generate([good[0], bad, *good[1:]], GREEDY)
    assert outs[1].finish_reason == "error" and outs[1].token_ids == []
    assert "RuntimeError: injected fault" in (outs[1].error or "")
    got = [o.token_ids for i, o in enumerate(outs) if i != 1]
    assert got == want
    assert all(o.finish_reason == "length" for i, o in enumerate(outs) if i != 1)
    assert engine.stats.failed_steps >= 2  # once in the batch, once alone
    assert pool_is_empty(engine)
    # The blocks the failed steps were writing never serve a hit: a later request sharing
    # that prefix computes (or hits only pages a successful step wrote) and gets its tokens.
    assert engine.generate([later], GREEDY)[0].token_ids == want_later


def test_add_request_step_abort() -> None:
    m = model()
    engine = Engine(m, max_batch_size=4, max_seq_len=64, page_size=PAGE, num_blocks=32)
    prompts = [[1, 2, 3], [4, 5, 6, 7], [8, 9]]
    want = {i: alone(m, p) for i, p in enumerate(prompts)}
    ids = [engine.add_request(p, GREEDY) for p in prompts]
    assert engine.has_unfinished_requests
    tokens: dict[int, list[int]] = {i: [] for i in ids}
    finished: dict[int, str] = {}
    events: list[TokenEvent] = []
    while engine.has_unfinished_requests:
        events = engine.step()
        for ev in events:
            assert ev.request_id not in finished  # finished exactly once
            if ev.token is not None:
                tokens[ev.request_id].append(ev.token)
            if ev.finish_reason is not None:
                finished[ev.request_id] = ev.finish_reason
        if len(tokens[ids[1]]) == 2 and ids[1] not in finished:
            assert engine.abort(ids[1])
            finished[ids[1]] = "abort"
    assert not engine.abort(ids[1]) and not engine.abort(12345)
    assert finished == {ids[0]: "length", ids[1]: "abort", ids[2]: "length"}
    assert tokens[ids[0]] == want[0] and tokens[ids[2]] == want[2]
    assert tokens[ids[1]] == want[1][:2]
    assert pool_is_empty(engine)
    # generate still numbers its own outputs from 0
    assert [o.request_id for o in engine.generate(prompts[:2], GREEDY)] == [0, 1]


def test_a_failed_cuda_graph_capture_falls_back_to_eager_decoding() -> None:
    # CPU has no graphs: pretend this runner wants them and make every capture fail as a
    # CUDA OOM would; the engine must warn, drop graphs and decode eagerly, tokens unchanged.
    m = model()
    prompts = [[1, 2, 3, 4, 5], [20, 21, 22]]
    want = [alone(m, p) for p in prompts]
    engine = Engine(m, max_batch_size=4, max_seq_len=64, page_size=PAGE, num_blocks=64)
    captures: list[int] = []

    def out_of_memory(batch: int) -> None:
        captures.append(batch)
        raise torch.OutOfMemoryError("CUDA out of memory (injected)")

    engine.runner._capture = out_of_memory  # type: ignore[method-assign]
    engine.runner.use_graphs = engine.stats.cuda_graphs = True
    with pytest.warns(RuntimeWarning, match="capture of a 2-sequence decode step failed"):
        outs = engine.generate(prompts, GREEDY)
    assert [o.token_ids for o in outs] == want
    assert captures == [2]  # tried once, then never again
    assert not engine.runner.use_graphs and not engine.stats.cuda_graphs
    assert "OutOfMemoryError: CUDA out of memory (injected)" in (engine.runner.graph_error or "")
    assert pool_is_empty(engine)
