"""Engine parity across families: many requests at once give each request's solo greedy tokens.

For each family: a tiny random-weight model (float32, CPU), eight prompts of varied lengths
(longer than every window; four share a 21-token prefix, so the prefix cache hits), an
``Engine`` with a small pool and a small token budget (prompts are chunk-prefilled, requests
are preempted and recomputed). Each request's greedy tokens must equal transformers'
``generate`` of that prompt alone, on a second model instance with the same weights that
keeps transformers' own attention. Where a token differs, the reference logits at that step
must be a tie within float rounding (the engine's token within ``TIE`` of the maximum).

The reference generates exactly ``NEW`` tokens with end-of-sequence disabled
(``eos_token_id=None``), not with ``min_new_tokens``: that one masks the EOS logit, while the
engine's ``ignore_eos`` keeps EOS an ordinary token that does not stop the request.
"""

from __future__ import annotations

import dataclasses
import random
from typing import Any

import pytest
import torch

from kvarch.runtime import engine as engine_module
from kvarch.runtime.engine import Engine, SamplingParams
from kvarch.runtime.errors import UnsupportedCacheError
from kvarch.runtime.sampling import sample
from tests.oracle.truth import build_model, text_config
from tests.oracle.variants import Variant, available_variants, make_config

PAGE, NEW, BUDGET, MAX_LEN = 4, 8, 24, 64
TIE = 1e-4
"""Logits this close count as a tie (float32 rounding of a different summation order)."""
RECOMPUTED_TIE = 1e-3
"""Likewise for a request preempted and recomputed in one forward: its past K/V come from a
prefill, not from the decode steps ``generate`` ran (dory's loops compound the difference)."""
LENGTHS = [3, 2, 17, 9, 40, 5, 11, 14]
"""Prompt lengths; odd entries are suffixes after the shared prefix."""
SHARED = 21

pytestmark = [
    pytest.mark.usefixtures("one_thread"),
    pytest.mark.filterwarnings("ignore:`past_key_values` is deprecated:FutureWarning"),
]


@dataclasses.dataclass(frozen=True)
class Case:
    variant: str
    """Oracle catalogue variant id."""
    covers: str
    num_blocks: int = 12
    """Pages per group: small enough that running requests are preempted."""
    preempts: bool = True
    """Whether this pool provably preempts (sliding-only models recycle pages as they go)."""


CASES = [
    pytest.param(Case("llama-gqa", "full, GQA"), id="llama-gqa"),
    pytest.param(Case("qwen3", "full, explicit head_dim, q/k norm"), id="qwen3"),
    pytest.param(Case("qwen2", "full, qkv bias"), id="qwen2"),
    pytest.param(Case("phi3", "full, fused qkv"), id="phi3"),
    pytest.param(Case("mistral-window", "sliding on every layer", num_blocks=14), id="mistral"),
    pytest.param(Case("phi3-window", "sliding, fused qkv", preempts=False), id="phi3-window"),
    pytest.param(Case("gemma3-text", "alternating sliding/full"), id="gemma3-text"),
    pytest.param(Case("cohere2-pattern", "alternating sliding/full"), id="cohere2"),
    pytest.param(Case("olmo3-pattern", "alternating sliding/full"), id="olmo3"),
    pytest.param(Case("deepseek-v3", "MLA latent, MoE"), id="deepseek-v3"),
    pytest.param(Case("deepseek-v2", "MLA latent"), id="deepseek-v2"),
    pytest.param(Case("minicpm3", "MLA latent"), id="minicpm3"),
    pytest.param(Case("gemma2", "alternating sliding/full, soft-capping"), id="gemma2"),
    pytest.param(Case("gpt-oss", "attention sinks, alternating sliding/full"), id="gpt-oss"),
    pytest.param(
        Case("llama4-text-chunked", "chunked attention, full on no-rope layers"), id="llama4-text"
    ),
    pytest.param(
        Case("bart", "positions from the cache length, learned (BartForCausalLM)"), id="bart"
    ),
    pytest.param(Case("marian", "positions from the cache length, sinusoidal"), id="marian"),
    pytest.param(Case("bert-decoder", "BERT run as a decoder (BertLMHeadModel)"), id="bert"),
    pytest.param(Case("deepseek-v32", "MLA latent + paged indexer keys"), id="deepseek-v32"),
    pytest.param(Case("glm-moe-dsa-pattern", "indexer shared by the last layers"), id="glm-dsa"),
    pytest.param(Case("axk2", "MLA + indexer keys, gated output"), id="axk2"),
    pytest.param(Case("hy-v4-mla", "MLA + indexer keys + sinks, eager"), id="hy-v4"),
    pytest.param(Case("diffllama", "attends twice over gathered K/V"), id="diffllama"),
    pytest.param(Case("dory-per-loop", "per-loop cache slots past the layers"), id="dory"),
    pytest.param(
        Case("gemma3n-text-shared", "shared-KV layers read their source's K/V"), id="gemma3n"
    ),
]

SOLO = [
    pytest.param("dory-last-loop", id="dory-last-loop"),  # earlier loops read the layers' K/V
    pytest.param("dots3-note-text", id="dots3-text"),  # indexer top-k as indices, not latent
    pytest.param("dots3-note", id="dots3"),
    # block-sparse indexer (keys paged by update_index) masking per-head K/V by key blocks
    pytest.param("minimax-m3-vl-text-sparse-layers", id="minimax-m3-sparse"),
    pytest.param("hrm-text", id="hrm-text"),  # cache slots layer_idx plus a cycle offset
    pytest.param("gpt-neo-local-first", id="gpt-neo"),  # windows kept whole, masked by the module
    pytest.param("git", id="git"),  # attention outside AttentionInterface
    pytest.param("moshi-window", id="moshi"),  # sliding layers; differs when chunked
    pytest.param("bloom", id="bloom"),  # alibi; attention outside AttentionInterface
    pytest.param("xglm", id="xglm"),  # sinusoidal positions from the cache length
    pytest.param("megatron-bert-decoder", id="megatron-bert"),  # BERT run as a decoder
]
REFUSED = [
    # (variant, model_type, why): generate feeds the model more than the sequence's tokens
    ("xlm", "xlm", "mask token"),
    ("cpmant", "cpmant", "learned prompt tokens"),
]
SLIDING_ONLY = {"moshi-window"}
"""Models whose only attention slides (pages recycle, no request runs out of them): the
test preempts one itself."""
"""Families whose attention cannot read the pages: the engine serves each sequence alone
over K/V gathered from them (``runtime/solo.py``); hybrids among them (inkling*, qwen4_exp)
are in tests/test_runtime_engine_hybrids.py."""


def variant(variant_id: str) -> Variant:
    return next(v for v in available_variants() if v.id == variant_id)


def dsa_indexer(text: Any) -> None:
    """A sparse indexer that drops tokens at these lengths (top 4), with heads enough that its
    scores do not tie at the cut: with 2 heads the ReLU zeroes many scores, and which of the
    tied tokens ``topk`` keeps depends on where they lie (the engine packs sequences). No
    padding row either: a generated token 0 with a zero embedding would tie every score."""
    text.index_topk = 4
    text.index_n_heads = 32
    text.pad_token_id = None


def tiny_model(variant_id: str) -> Any:
    """A fresh model with its own config object (the engine switches the config's attention;
    ``build_model`` seeds, so two calls give the same weights)."""
    config = make_config(variant(variant_id))
    text = text_config(config)
    if global_attr(text, "kv_lora_rank"):
        # As in test_runtime_hf_families: transformers' SDPA path needs MLA kv heads = heads.
        text.num_key_value_heads = text.num_attention_heads
    if global_attr(text, "index_topk"):
        dsa_indexer(text)
    return build_model(config)


def global_attr(text: Any, name: str) -> Any:
    """``text.name``, or None where it is absent or set per layer (dots3's heterogeneous
    config raises for an attribute that differs between layers)."""
    try:
        return getattr(text, name, None)
    except Exception as exc:  # transformers' AmbiguousGlobalPerLayerAttributeError
        if "PerLayer" not in type(exc).__name__:
            raise
        return None


def prompts(vocab: int) -> list[list[int]]:
    gen = torch.Generator().manual_seed(0)
    shared = torch.randint(1, vocab, (SHARED,), generator=gen).tolist()
    out = []
    for i, n in enumerate(LENGTHS):
        tail = torch.randint(1, vocab, (n,), generator=gen).tolist()
        out.append(shared + tail if i % 2 else tail)
    return out


def reference(model: Any, prompt: list[int], new: int) -> tuple[list[int], torch.Tensor]:
    """transformers' greedy tokens for ``prompt`` alone and the logits of every step."""
    ids = torch.tensor([prompt])
    out = model.generate(
        ids,
        attention_mask=torch.ones_like(ids),
        max_new_tokens=new,
        do_sample=False,
        eos_token_id=None,  # exactly `new` tokens; EOS stays an ordinary token (ignore_eos)
        pad_token_id=0,
        use_cache=True,
        output_logits=True,
        return_dict_in_generate=True,
    )
    tokens = out.sequences[0, len(prompt) :].tolist()
    assert len(tokens) == new
    return tokens, torch.stack(out.logits)[:, 0]


def assert_same_or_tie(
    got: list[int],
    want: list[int],
    logits: torch.Tensor,
    seen: torch.Tensor,
    what: str,
    tie: float = TIE,
) -> None:
    """Equal tokens, or at the first difference a tie of the reference's top logits; the
    logits the engine sampled from equal the reference's up to there (float32 rounding,
    within ``tie``)."""
    assert len(got) == len(want) == len(seen), what
    steps = len(want)
    for step, (a, b) in enumerate(zip(got, want, strict=True)):
        if a != b:
            row = logits[step]
            gap = float(row.max() - row[a])
            assert gap <= tie, (
                f"{what}: step {step} gave token {a}, transformers {b}; the reference logit "
                f"of {a} is {gap:.3g} below the maximum (not a tie)"
            )
            steps = step + 1  # the sequences diverge after a tie: nothing more to compare
            break
    torch.testing.assert_close(
        seen[:steps], logits[:steps], rtol=tie, atol=tie, msg=lambda m: f"{what}: {m}"
    )


def spy_preemptions(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """``(request index, tokens generated so far)`` of each preemption."""
    seen: list[tuple[int, int]] = []
    preempt = engine.scheduler._preempt

    def spy(req: Any) -> None:
        seen.append((req.index, req.num_output))
        preempt(req)

    monkeypatch.setattr(engine.scheduler, "_preempt", spy)
    return seen


def preempt_once(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """Before a step, preempt the first running request that decoded two tokens (once)."""
    step = engine.step
    done: list[bool] = []

    def spy() -> Any:
        victim = next((r for r in engine.scheduler.running if r.num_output >= 2), None)
        if victim is not None and not done:
            engine.scheduler._preempt(victim)
            done.append(True)
        return step()

    monkeypatch.setattr(engine, "step", spy)


def spy_logits(
    monkeypatch: pytest.MonkeyPatch, params: list[SamplingParams]
) -> dict[int, list[torch.Tensor]]:
    """The logits row each request's every token was sampled from, by request index
    (``params[i]`` must be request ``i``'s own object)."""
    seen: dict[int, list[torch.Tensor]] = {i: [] for i in range(len(params))}
    index = {id(p): i for i, p in enumerate(params)}

    def spy(logits: torch.Tensor, chosen: list[SamplingParams], gens: list[Any]) -> list[int]:
        for row, p in zip(logits, chosen, strict=True):
            seen[index[id(p)]].append(row.float().clone())
        return sample(logits, chosen, gens)

    monkeypatch.setattr(engine_module, "sample", spy)
    return seen


def assert_pool_empty(engine: Engine) -> None:
    manager = engine.cache.manager
    assert not engine.scheduler.running and not engine.scheduler.waiting
    for g, pool in enumerate(manager.pools):
        assert pool.num_free == engine.plan.blocks_per_group[g], f"group {g} leaks pages"


@pytest.mark.parametrize("case", CASES)
def test_engine_greedy_matches_generate_alone(case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    ref = tiny_model(case.variant)
    model = tiny_model(case.variant)
    assert model.config is not ref.config
    vocab = int(text_config(ref.config).vocab_size)
    batch = prompts(vocab)
    engine = Engine(
        model,
        max_batch_size=len(batch),
        max_seq_len=MAX_LEN,
        page_size=PAGE,
        num_blocks=case.num_blocks,
        max_num_batched_tokens=BUDGET,
    )
    assert text_config(model.config)._attn_implementation.startswith("kvarch|")
    assert not str(text_config(ref.config)._attn_implementation).startswith("kvarch|")
    preempted = spy_preemptions(engine, monkeypatch)
    params = [SamplingParams(max_tokens=NEW, ignore_eos=True) for _ in batch]
    seen = spy_logits(monkeypatch, params)
    outs = engine.generate(batch, params)

    for i, (prompt, out) in enumerate(zip(batch, outs, strict=True)):
        assert out.request_id == i and out.prompt_token_ids == prompt
        assert out.finish_reason == "length", out.error
        want, logits = reference(ref, prompt, NEW)
        what = f"request {i} ({len(prompt)} tokens)"
        assert_same_or_tie(out.token_ids, want, logits, torch.stack(seen[i]), what)

    stats = engine.stats
    assert stats.prefix_hit_tokens > 0  # the shared prefix was read from the cache
    assert stats.preemptions == len(preempted)
    if case.preempts:
        assert preempted, "no request was preempted: shrink num_blocks"
    assert stats.generated_tokens == NEW * len(batch)
    assert stats.prompt_tokens == sum(map(len, batch))
    assert stats.steps > stats.decode_steps > 0
    assert max(BUDGET, len(batch)) * stats.steps >= stats.computed_tokens
    assert_pool_empty(engine)


def test_requests_preempted_while_decoding_are_resumed() -> None:
    """The llama case preempts requests that already generated tokens (they are recomputed
    from prompt + output); without that the parity test above would not cover resumption."""
    model = tiny_model("llama-gqa")
    batch = prompts(int(model.config.vocab_size))
    engine = Engine(
        model,
        max_batch_size=len(batch),
        max_seq_len=MAX_LEN,
        page_size=PAGE,
        num_blocks=12,
        max_num_batched_tokens=BUDGET,
    )
    with pytest.MonkeyPatch.context() as mp:
        preempted = spy_preemptions(engine, mp)
        outs = engine.generate(batch, SamplingParams(max_tokens=NEW, ignore_eos=True))
    assert any(done > 0 for _, done in preempted), preempted
    assert all(len(o.token_ids) == NEW for o in outs)


@pytest.mark.parametrize("variant_id", ["gemma3-text", "deepseek-v3"])
def test_seeded_sampling_is_the_same_with_and_without_preemption(variant_id: str) -> None:
    """A seeded request draws its own noise: the pool size, preemption and the batch around
    it do not change its tokens."""
    batch = prompts(int(text_config(tiny_model(variant_id).config).vocab_size))
    params = [
        SamplingParams(max_tokens=NEW, temperature=0.8, top_p=0.9, seed=100 + i, ignore_eos=True)
        for i in range(len(batch))
    ]

    def run(num_blocks: int, budget: int, which: list[int]) -> tuple[dict[int, list[int]], int]:
        engine = Engine(
            tiny_model(variant_id),
            max_batch_size=len(batch),
            max_seq_len=MAX_LEN,
            page_size=PAGE,
            num_blocks=num_blocks,
            max_num_batched_tokens=budget,
        )
        outs = engine.generate([batch[i] for i in which], [params[i] for i in which])
        assert_pool_empty(engine)
        return {i: o.token_ids for i, o in zip(which, outs, strict=True)}, engine.stats.preemptions

    everything = list(range(len(batch)))
    tight, preemptions = run(12, BUDGET, everything)
    assert preemptions > 0
    roomy, none = run(64, 256, everything)
    assert none == 0 and tight == roomy
    some = [5, 2, 7]
    assert run(64, 256, some)[0] == {i: tight[i] for i in some}


@pytest.mark.parametrize("variant_id", SOLO)
def test_attention_that_cannot_read_the_pages_is_served_one_sequence_at_a_time(
    variant_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each request's greedy tokens equal ``generate`` of it alone, in a pool that preempts
    and in one that does not; prompts are prefilled whole and never read from the prefix
    cache (a solo forward is then exactly what ``generate`` runs)."""
    ref = tiny_model(variant_id)
    batch = prompts(int(text_config(ref.config).vocab_size))
    wants = [reference(ref, prompt, NEW) for prompt in batch]
    for blocks, preempts in ((24, True), (96, False)):
        model = tiny_model(variant_id)
        engine = Engine(model, max_batch_size=len(batch), max_seq_len=MAX_LEN, page_size=PAGE,
                        num_blocks=blocks, max_num_batched_tokens=64)  # fmt: skip
        assert not engine.cache.paged_attention and not engine.runner.use_graphs
        preempted = spy_preemptions(engine, monkeypatch)
        if preempts and variant_id in SLIDING_ONLY:
            preempt_once(engine, monkeypatch)
        params = [SamplingParams(max_tokens=NEW, ignore_eos=True) for _ in batch]
        seen = spy_logits(monkeypatch, params)
        outs = engine.generate(batch, params)
        again = {i for i, _ in preempted}
        for i, (out, (want, logits)) in enumerate(zip(outs, wants, strict=True)):
            assert out.finish_reason == "length", out.error
            what = f"request {i} ({len(batch[i])} tokens, {blocks} blocks)"
            tie = RECOMPUTED_TIE if i in again else TIE
            assert_same_or_tie(out.token_ids, want, logits, torch.stack(seen[i]), what, tie)
        assert bool(preempted) == preempts, preempted
        assert engine.stats.prefix_hit_tokens == 0
        assert_pool_empty(engine)


@pytest.mark.parametrize(("variant_id", "model_type", "why"), REFUSED)
def test_the_engine_refuses_models_whose_generate_feeds_more_than_the_tokens(
    variant_id: str, model_type: str, why: str
) -> None:
    model = tiny_model(variant_id)
    with pytest.raises(UnsupportedCacheError, match=why) as err:
        Engine(model, max_batch_size=2, max_seq_len=32, page_size=PAGE, num_blocks=16)
    assert err.value.model_type == model_type


def test_a_prompt_longer_than_the_pool_under_a_sliding_window_is_prefilled_in_pieces(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Mistral, window 5: 8 pages of 4 hold the window many times over but not a 40-token
    prompt at once. Alone, the engine takes smaller chunks (pages recycle as the window
    moves) instead of refusing the prompt."""
    ref, model = tiny_model("mistral-window"), tiny_model("mistral-window")
    batch = prompts(int(ref.config.vocab_size))
    long = [p for p in batch if len(p) > 8 * PAGE]
    assert long
    engine = Engine(
        model,
        max_batch_size=4,
        max_seq_len=MAX_LEN,
        page_size=PAGE,
        num_blocks=8,
        max_num_batched_tokens=256,
    )
    params = [SamplingParams(max_tokens=NEW, ignore_eos=True) for _ in range(len(long) + 3)]
    seen = spy_logits(monkeypatch, params)
    outs = engine.generate(long + batch[:3], params)
    for i, (prompt, out) in enumerate(zip(long + batch[:3], outs, strict=True)):
        assert out.finish_reason == "length", out.error
        want, logits = reference(ref, prompt, NEW)
        what = f"{len(prompt)} tokens"
        assert_same_or_tie(out.token_ids, want, logits, torch.stack(seen[i]), what)
    assert_pool_empty(engine)


@pytest.mark.parametrize("seed", range(6))
def test_random_schedules_match_generate_alone(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Random pools, budgets, page sizes, batch rows, repeated and prefix-sharing prompts, with
    and without prefix caching: every request that fits gives its solo greedy tokens."""
    rng = random.Random(seed)
    variant_id = ["llama-gqa", "gemma3-text", "deepseek-v3"][seed % 3]
    ref, model = tiny_model(variant_id), tiny_model(variant_id)
    page = rng.choice([2, 4, 8])
    base = [rng.randrange(1, 128) for _ in range(rng.randint(8, 30))]
    batch: list[list[int]] = []
    for _ in range(rng.randint(5, 9)):
        roll = rng.random()
        if roll < 0.3:
            tail = [rng.randrange(1, 128) for _ in range(rng.randint(0, 8))]
            batch.append(base[: rng.randint(1, len(base))] + tail)
        elif roll < 0.45 and batch:
            batch.append(list(rng.choice(batch)))
        else:
            batch.append([rng.randrange(1, 128) for _ in range(rng.randint(1, 36))])
    params = [SamplingParams(max_tokens=rng.randint(1, 10), ignore_eos=True) for _ in batch]
    need = max(-(-(len(p) + s.max_tokens) // page) for p, s in zip(batch, params, strict=True))
    engine = Engine(
        model,
        max_batch_size=rng.randint(1, 8),
        max_seq_len=MAX_LEN,
        page_size=page,
        num_blocks=rng.randint(need, 2 * need),
        max_num_batched_tokens=rng.choice([1, 3, 8, 16, 33, 128]),
        enable_prefix_caching=rng.random() < 0.8,
    )
    seen = spy_logits(monkeypatch, params)
    outs = engine.generate(batch, params)
    for i, (prompt, out, p) in enumerate(zip(batch, outs, params, strict=True)):
        assert out.finish_reason == "length", out.error
        want, logits = reference(ref, prompt, p.max_tokens)
        what = f"request {i} ({len(prompt)} tokens)"
        assert_same_or_tie(out.token_ids, want, logits, torch.stack(seen[i]), what)
    assert_pool_empty(engine)
