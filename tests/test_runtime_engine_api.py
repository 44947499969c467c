"""The Engine's contract on one tiny llama (float32, CPU): outputs, finish reasons, errors,
streaming, seeded sampling, statistics and the page pool after every run."""

from __future__ import annotations

from typing import Any

import pytest
import torch

from kvarch.runtime.engine import Engine, RequestOutput, SamplingParams
from kvarch.runtime.errors import RequestError
from tests.oracle.truth import build_model
from tests.oracle.variants import available_variants, make_config

PAGE = 4
pytestmark = [
    pytest.mark.usefixtures("one_thread"),
    pytest.mark.filterwarnings("ignore:`past_key_values` is deprecated:FutureWarning"),
]


def tiny_llama() -> Any:
    """A fresh tiny llama (same weights each call; its own config, which the engine edits)."""
    variant = next(v for v in available_variants() if v.id == "llama-gqa")
    return build_model(make_config(variant))


def engine(**kwargs: Any) -> Engine:
    options: dict[str, Any] = dict(
        max_batch_size=8, max_seq_len=64, page_size=PAGE, num_blocks=64, max_num_batched_tokens=64
    )
    return Engine(kwargs.pop("model", None) or tiny_llama(), **{**options, **kwargs})


def prompts(n: int = 6, seed: int = 0) -> list[list[int]]:
    gen = torch.Generator().manual_seed(seed)
    lengths = [1, 5, 12, 4, 23, 9, 16, 2, 30, 7][:n]
    return [torch.randint(1, 128, (k,), generator=gen).tolist() for k in lengths]


def assert_pool_empty(eng: Engine) -> None:
    """Every page back in its pool (free or held only by the prefix cache), no live sequence."""
    manager = eng.cache.manager
    assert not eng.scheduler.running and not eng.scheduler.waiting
    assert not manager.seqs
    for g, pool in enumerate(manager.pools):
        assert pool.num_free == eng.plan.blocks_per_group[g], f"group {g} leaks pages"


GREEDY = SamplingParams(max_tokens=8, ignore_eos=True)


@pytest.fixture(scope="module")
def greedy_tokens() -> list[list[int]]:
    """Greedy tokens of ``prompts()`` from a roomy engine (reference for the other tests)."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        return [o.token_ids for o in engine().generate(prompts(), GREEDY)]
    finally:
        torch.set_num_threads(threads)


def test_outputs_come_in_submission_order_with_their_finish_reasons(
    greedy_tokens: list[list[int]],
) -> None:
    batch = prompts()
    first = greedy_tokens[2]
    stop = first[3]  # request 2 stops at the first occurrence of its 4th greedy token
    eos_row = greedy_tokens[4]
    eos = eos_row[2]  # the model's EOS: request 4 stops there unless it ignores EOS
    model = tiny_llama()
    model.config.eos_token_id = eos
    model.generation_config.eos_token_id = eos
    eng = engine(model=model)
    assert eng.eos == frozenset({eos})
    params = [GREEDY] * len(batch)
    params[2] = SamplingParams(max_tokens=8, stop_token_ids=(stop,), ignore_eos=True)
    params[4] = SamplingParams(max_tokens=8)
    params[5] = SamplingParams(max_tokens=3, ignore_eos=True)
    outs = eng.generate([*batch, batch[4]], [*params, GREEDY])

    assert [o.request_id for o in outs] == list(range(len(batch) + 1))
    assert [o.prompt_token_ids for o in outs] == [*batch, batch[4]]
    assert all(isinstance(o, RequestOutput) and o.error is None for o in outs)
    for i in (0, 1, 3):
        assert outs[i].finish_reason == "length" and outs[i].token_ids == greedy_tokens[i]
    cut = first.index(stop) + 1
    assert outs[2].finish_reason == "stop" and outs[2].token_ids == first[:cut]
    cut = eos_row.index(eos) + 1
    assert outs[4].finish_reason == "stop" and outs[4].token_ids == eos_row[:cut]
    assert outs[5].finish_reason == "length" and outs[5].token_ids == greedy_tokens[5][:3]
    # ignore_eos: the same prompt runs past the EOS token to max_tokens
    assert outs[6].finish_reason == "length" and outs[6].token_ids == eos_row
    assert outs[6].text is None  # no tokenizer
    assert_pool_empty(eng)


def test_max_seq_len_cuts_a_request_and_refuses_a_prompt_without_room(
    greedy_tokens: list[list[int]],
) -> None:
    batch = prompts()
    eng = engine(max_seq_len=40)
    long = SamplingParams(max_tokens=20, ignore_eos=True)
    outs = eng.generate([*batch[:4], [5] * 40, batch[4]], [GREEDY] * 5 + [long])
    assert outs[4].finish_reason == "error" and outs[4].token_ids == []
    assert "max_seq_len 40" in (outs[4].error or "")
    assert outs[5].finish_reason == "length" and outs[5].error is None
    assert len(outs[5].token_ids) == 40 - len(batch[4])  # stopped at max_seq_len
    assert outs[5].token_ids[:8] == greedy_tokens[4]
    for i in range(4):
        assert outs[i].finish_reason == "length" and outs[i].token_ids == greedy_tokens[i]
    assert eng.stats.prompt_tokens == sum(map(len, batch[:5]))
    assert_pool_empty(eng)


def test_a_request_the_pool_can_never_hold_errors_while_the_others_complete(
    greedy_tokens: list[list[int]],
) -> None:
    batch = prompts()
    eng = engine(num_blocks=8, max_num_batched_tokens=64)  # 8 pages of 4: 32 tokens
    long = SamplingParams(max_tokens=20, ignore_eos=True)
    outs = eng.generate([*batch[:4], [7] * 33, batch[4]], [GREEDY] * 5 + [long])
    assert outs[4].finish_reason == "error" and outs[4].token_ids == []
    assert "pages" in (outs[4].error or "")
    # the 23-token prompt fits, but not 23 + 20 tokens: it fails once it fills the pool alone
    assert outs[5].finish_reason == "error" and "pages" in (outs[5].error or "")
    assert len(outs[5].token_ids) == 32 - len(batch[4]) + 1
    assert outs[5].token_ids[:8] == greedy_tokens[4]
    for i in range(4):
        assert outs[i].finish_reason == "length" and outs[i].token_ids == greedy_tokens[i]
    assert_pool_empty(eng)


def test_a_prompt_larger_than_the_pool_fails_under_a_small_budget() -> None:
    """Prefilled in small chunks, a prompt the pool cannot hold used to be preempted by its
    own growth, re-admitted from its cached pages and preempted again forever."""
    batch = prompts(9)  # a 30-token prompt last
    eng = engine(num_blocks=6, max_num_batched_tokens=3)  # 24 tokens
    steps = 0
    run = eng.runner.run

    def bounded(step: Any) -> torch.Tensor:
        nonlocal steps
        steps += 1
        assert steps < 500, "the engine makes no progress"
        return run(step)

    eng.runner.run = bounded  # type: ignore[method-assign]
    outs = eng.generate(batch, SamplingParams(max_tokens=2, ignore_eos=True))  # 23 + 1 fit
    assert outs[8].finish_reason == "error" and "pages" in (outs[8].error or "")
    assert [o.finish_reason for o in outs[:8]] == ["length"] * 8
    assert_pool_empty(eng)


def test_stream_yields_every_token_of_every_request_in_order(
    greedy_tokens: list[list[int]],
) -> None:
    batch = prompts()
    eng = engine(num_blocks=24, max_num_batched_tokens=16)  # chunked prefill, preemption
    params = [SamplingParams(max_tokens=8 - i % 3, ignore_eos=True) for i in range(len(batch))]
    events = list(eng.stream(batch, params))
    per_request: dict[int, list[int]] = {i: [] for i in range(len(batch))}
    for index, token in events:
        per_request[index].append(token)
    for i, p in enumerate(params):
        assert per_request[i] == greedy_tokens[i][: p.max_tokens]
    assert len(events) == eng.stats.generated_tokens == sum(p.max_tokens for p in params)
    order = [i for i, _ in events]
    assert order != sorted(order)  # tokens of different requests interleave
    assert_pool_empty(eng)


def test_an_abandoned_stream_gives_its_pages_back(greedy_tokens: list[list[int]]) -> None:
    eng = engine(num_blocks=24, max_num_batched_tokens=16)
    stream = eng.stream(prompts(), GREEDY)
    got = [next(stream) for _ in range(10)]
    assert eng.scheduler.running
    stream.close()
    assert_pool_empty(eng)
    assert got[0][1] == greedy_tokens[got[0][0]][0]
    outs = eng.generate(prompts(), GREEDY)  # the engine still works (and hits the cache)
    assert [o.token_ids for o in outs] == greedy_tokens
    assert_pool_empty(eng)


def test_more_requests_than_batch_rows_queue_and_give_the_same_tokens(
    greedy_tokens: list[list[int]],
) -> None:
    eng = engine(max_batch_size=2, num_blocks=12, max_num_batched_tokens=8)
    outs = eng.generate(prompts(), GREEDY)
    assert [o.token_ids for o in outs] == greedy_tokens
    assert_pool_empty(eng)


def test_identical_prompts_and_a_fully_cached_prompt(greedy_tokens: list[list[int]]) -> None:
    """Prompts whose every page is cached (a page-multiple length, asked twice) still compute
    their last token: the cache never serves a whole prompt."""
    batch = prompts()
    eng = engine()
    for i in (3, 2):  # 4 and 12 tokens: exactly 1 and 3 pages
        assert len(batch[i]) % PAGE == 0
        first = eng.generate([batch[i]] * 3, GREEDY)
        again = eng.generate([batch[i]], GREEDY)
        for out in [*first, *again]:
            assert out.token_ids == greedy_tokens[i]
        assert_pool_empty(eng)
    assert eng.stats.prefix_hit_tokens > 0


SEEDED = SamplingParams(max_tokens=10, temperature=1.0, seed=7, ignore_eos=True)


def test_seeded_sampling_is_reproducible_across_engines_and_batches() -> None:
    batch = prompts(8)
    params = [
        SamplingParams(
            max_tokens=10, temperature=1.0, top_k=40, top_p=0.95, seed=i, ignore_eos=True
        )
        for i in range(len(batch))
    ]
    one = engine().generate(batch, params)
    two = engine(num_blocks=24, max_num_batched_tokens=8).generate(batch, params)
    assert [o.token_ids for o in one] == [o.token_ids for o in two]
    order = [5, 0, 7, 2]
    mixed = engine(max_batch_size=3).generate([batch[i] for i in order], [params[i] for i in order])
    assert [o.token_ids for o in mixed] == [one[i].token_ids for i in order]
    alone = engine().generate([batch[7]], params[7])
    assert alone[0].token_ids == one[7].token_ids
    # with greedy neighbours in the batch, and a greedy request beside it
    with_greedy = engine().generate([batch[0], batch[7]], [GREEDY, params[7]])
    assert with_greedy[1].token_ids == one[7].token_ids


def test_different_seeds_differ_and_sampling_is_not_greedy(
    greedy_tokens: list[list[int]],
) -> None:
    eng = engine()
    prompt = prompts()[4]
    outs = eng.generate(
        [prompt] * 4,
        [
            SEEDED,
            SamplingParams(max_tokens=10, temperature=1.0, seed=8, ignore_eos=True),
            SamplingParams(max_tokens=10, temperature=1.0, seed=9, ignore_eos=True),
            SEEDED,
        ],
    )
    tokens = [o.token_ids for o in outs]
    assert tokens[0] == tokens[3]  # same seed, same prompt, same batch
    assert tokens[0] != tokens[1] and tokens[1] != tokens[2]
    assert tokens[0][:8] != greedy_tokens[4]
    assert_pool_empty(eng)


def test_top_k_1_and_a_tiny_top_p_are_greedy(greedy_tokens: list[list[int]]) -> None:
    batch = prompts()
    eng = engine()
    top_k = [
        SamplingParams(max_tokens=8, temperature=1.5, top_k=1, seed=i, ignore_eos=True)
        for i in range(len(batch))
    ]
    top_p = [SamplingParams(max_tokens=8, temperature=1.5, top_p=1e-6, ignore_eos=True)] * 2
    outs = eng.generate([*batch, batch[0], batch[4]], [*top_k, *top_p])
    want = [*greedy_tokens, greedy_tokens[0], greedy_tokens[4]]
    assert [o.token_ids for o in outs] == want


def test_stats_add_up() -> None:
    batch = prompts(10)
    eng = engine(max_batch_size=10, num_blocks=96)
    calls: list[int] = []
    run = eng.runner.run

    def counted(step: Any) -> torch.Tensor:
        calls.append(step.num_tokens)
        return run(step)

    eng.runner.run = counted  # type: ignore[method-assign]
    params = [SamplingParams(max_tokens=3 + i % 4, ignore_eos=True) for i in range(len(batch))]
    outs = eng.generate(batch, params)
    stats = eng.stats
    assert stats.prompt_tokens == sum(map(len, batch))
    assert (
        stats.generated_tokens
        == sum(len(o.token_ids) for o in outs)
        == sum(p.max_tokens for p in params)
    )
    assert stats.steps == len(calls) and stats.computed_tokens == sum(calls)
    assert 0 < stats.decode_steps < stats.steps
    assert stats.preemptions == 0 and stats.prefix_hit_tokens == 0
    # without preemption every token but each request's last is computed exactly once
    assert stats.computed_tokens == sum(
        len(p) + len(o.token_ids) - 1 for p, o in zip(batch, outs, strict=True)
    )
    assert stats.prefill_seconds > 0 and stats.decode_seconds > 0
    assert not stats.cuda_graphs
    assert_pool_empty(eng)

    eng.reset_stats()
    assert eng.stats.steps == eng.stats.generated_tokens == eng.stats.preemptions == 0
    again = eng.generate(batch, params)  # every prompt's full pages are cached now
    assert [o.token_ids for o in again] == [o.token_ids for o in outs]
    stats = eng.stats
    # every full page of each prompt but the one holding its last token (computed again)
    assert stats.prefix_hit_tokens == sum((len(p) - 1) // PAGE * PAGE for p in batch) > 0
    assert stats.computed_tokens + stats.prefix_hit_tokens == sum(
        len(p) + len(o.token_ids) - 1 for p, o in zip(batch, outs, strict=True)
    )
    assert_pool_empty(eng)


def test_stats_count_preemptions_and_recomputation() -> None:
    batch = prompts(10)
    eng = engine(max_batch_size=10, num_blocks=16, max_num_batched_tokens=16)
    outs = eng.generate(batch, GREEDY)
    stats = eng.stats
    assert stats.preemptions > 0
    assert stats.prompt_tokens == sum(map(len, batch))
    assert stats.generated_tokens == 8 * len(batch)
    # recomputed tokens count again (unless the prefix cache served them)
    needed = sum(len(p) + len(o.token_ids) - 1 for p, o in zip(batch, outs, strict=True))
    assert stats.computed_tokens + stats.prefix_hit_tokens >= needed
    assert_pool_empty(eng)


def test_bad_requests_are_refused_before_anything_runs() -> None:
    eng = engine()
    with pytest.raises(RequestError, match="prompt 1: empty"):
        eng.generate([[1, 2], []])
    vocab = eng.model.get_input_embeddings().num_embeddings
    for bad in (vocab, -1):
        with pytest.raises(RequestError, match=rf"token id {bad} at position 1 is outside the voc"):
            eng.add_request([3, bad, 4])
    assert not eng.has_unfinished_requests
    with pytest.raises(ValueError, match="one per prompt"):
        eng.generate([[1, 2], [3]], [GREEDY] * 3)
    with pytest.raises(ValueError, match="tokenizer"):
        eng.generate(["hello"])
    with pytest.raises(ValueError, match="top_p"):
        SamplingParams(top_p=0.0)
    with pytest.raises(ValueError, match="temperature"):
        SamplingParams(temperature=-1.0)
    assert_pool_empty(eng)
    assert eng.generate([[3]], SamplingParams(max_tokens=1, ignore_eos=True))[0].token_ids


class CharTokenizer:
    """One token per character (code point mod 128); enough for the engine's text path."""

    def encode(self, text: str) -> list[int]:
        return [ord(c) % 128 for c in text]

    def decode(self, ids: list[int], skip_special_tokens: bool = False) -> str:
        return "".join(chr(i) for i in ids)


def test_text_prompts_go_through_the_tokenizer(greedy_tokens: list[list[int]]) -> None:
    text = "".join(chr(t) for t in prompts()[4])
    eng = engine(tokenizer=CharTokenizer())
    (out,) = eng.generate([text], GREEDY)
    assert out.prompt_token_ids == prompts()[4]
    assert out.token_ids == greedy_tokens[4]
    assert out.text == "".join(chr(t) for t in greedy_tokens[4])


def test_cache_salt_isolates_tenants_in_the_prefix_cache() -> None:
    """Same prompt, different salts: no shared blocks; same salt: shared."""
    from transformers import LlamaConfig, LlamaForCausalLM

    torch.manual_seed(0)
    model = LlamaForCausalLM(
        LlamaConfig(
            hidden_size=64, intermediate_size=128, num_hidden_layers=2, num_attention_heads=4,
            num_key_value_heads=2, vocab_size=100, max_position_embeddings=128,
        )
    ).eval()  # fmt: skip
    engine = Engine(model, max_batch_size=2, max_seq_len=64, page_size=PAGE, num_blocks=64)
    prompt = list(range(1, 30))

    def hits(salt: str | None) -> int:
        engine.reset_stats()
        engine.generate([prompt], SamplingParams(max_tokens=2, cache_salt=salt))
        return engine.stats.prefix_hit_tokens

    assert hits("tenant-a") == 0
    assert hits("tenant-b") == 0  # same tokens, other tenant: computed again
    assert hits("tenant-a") == 28  # its own blocks: every full block before the last token
    assert hits(None) == 0
