"""DeepSeek-V4's compressed layers in the runtime: ``PagedCache.from_model`` pages each layer's
window and keeps its compressor's and indexer's entries in kvarch's ``CompressedStore``.

Greedy ``generate`` with the paged cache must equal transformers' own cache token for token
(tiny random models, float32, CPU, two rows of which one is left-padded) for several layer
mixes: sliding layers only, CSA (an entry per 4 tokens) beside HCA per 8, and HCA per 128 with
prompts long enough to close such windows in prefill and again while decoding. The entries the
store holds are compared with those transformers' cache keeps, and the bytes allocated with
what the planner budgets. The Engine serves these models one sequence per forward, each
request's compressed caches in its block-manager row: its greedy tokens must equal
``generate`` of each request alone, with and without preemption.
"""

from __future__ import annotations

from typing import Any

import pytest
import torch
from transformers import DynamicCache
from transformers.models.auto.configuration_auto import CONFIG_MAPPING_NAMES

from kvarch.layers import Compressed
from kvarch.runtime.compressed import CompressedStore
from kvarch.runtime.engine import Engine, SamplingParams
from kvarch.runtime.errors import SequenceStateError, ShapeError
from kvarch.runtime.hf import PagedCache
from kvarch.runtime.hf_compressed import PagedCompressedLayer
from tests.oracle.truth import build_model
from tests.oracle.variants import VARIANTS, make_config
from tests.test_runtime_engine_families import (
    NEW,
    assert_pool_empty,
    assert_same_or_tie,
    preempt_once,
    reference,
    spy_logits,
    spy_preemptions,
)

pytestmark = [
    pytest.mark.skipif(
        "deepseek_v4" not in CONFIG_MAPPING_NAMES,
        reason="this transformers release has no DeepSeek-V4 (the pinned 5.24 has)",
    ),
    pytest.mark.usefixtures("one_thread"),
    pytest.mark.filterwarnings("ignore:`past_key_values` is deprecated:FutureWarning"),
]

PAGE = 4
SLIDING, CSA, HCA = (
    "sliding_attention",
    "compressed_sparse_attention",
    "heavily_compressed_attention",
)


def variant(variant_id: str) -> Any:
    return next(v for v in VARIANTS if v.id == variant_id)


def config_for(variant_id: str, **changes: Any) -> Any:
    config = make_config(variant(variant_id))
    for key, value in changes.items():
        setattr(config, key, value)
    return config


MIXES = {
    # (config, prompt length, new tokens)
    "window-only": (
        lambda: config_for("deepseek-v4-layer-types", num_hidden_layers=2,
                           layer_types=[SLIDING, SLIDING]),
        20, 6,
    ),
    "csa4-hca8": (lambda: config_for("deepseek-v4-layer-types"), 40, 6),
    "csa4-hca128": (
        lambda: config_for(
            "deepseek-v4-layer-types",
            layer_types=[HCA, CSA, SLIDING, HCA],
            compress_rates={CSA: 4, HCA: 128},
        ),
        250, 10,  # 250 tokens close one HCA window; the padded row's 6th step closes another
    ),
    "default-schedule": (lambda: make_config(variant("deepseek-v4-default-schedule")), 30, 6),
    "legacy-ratios": (lambda: make_config(variant("deepseek-v4-legacy-ratios")), 30, 6),
}  # fmt: skip


def prompt(vocab: int, length: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Two rows of ``length`` tokens; row 0 is left-padded by 3."""
    ids = torch.randint(1, vocab, (2, length), generator=torch.Generator().manual_seed(3))
    mask = torch.ones_like(ids)
    ids[0, :3] = 0
    mask[0, :3] = 0
    return ids, mask


def greedy(model: Any, ids: torch.Tensor, mask: torch.Tensor, new: int, **cache: Any) -> Any:
    return model.generate(
        ids,
        attention_mask=mask,
        max_new_tokens=new,
        min_new_tokens=new,
        do_sample=False,
        pad_token_id=0,
        output_logits=True,
        return_dict_in_generate=True,
        **cache,
    )


def paged(model: Any, max_seq_len: int) -> PagedCache:
    return PagedCache.from_model(
        model, max_batch_size=2, max_seq_len=max_seq_len, page_size=PAGE, free_bytes=1 << 30
    )


@pytest.mark.parametrize("mix", list(MIXES))
def test_paged_generation_equals_transformers_cache(mix: str) -> None:
    make, length, new = MIXES[mix]
    config = make()
    model = build_model(config)
    ids, mask = prompt(int(config.vocab_size), length)
    reference = DynamicCache(config=config)
    want = greedy(model, ids, mask, new, past_key_values=reference)
    cache = paged(model, length + new)
    got = greedy(model, ids, mask, new, past_key_values=cache)
    assert torch.equal(got.sequences, want.sequences)
    torch.testing.assert_close(torch.stack(got.logits), torch.stack(want.logits))
    assert cache.get_seq_length() == length + new - 1
    compressed = [i for i, t in enumerate(config.layer_types) if t != SLIDING]
    assert [i for i, la in enumerate(cache.layers) if isinstance(la, PagedCompressedLayer)] == (
        compressed
    )
    # the entries kvarch holds are the ones transformers' cache keeps, row by row
    store = cache.compressed
    assert (store is not None) == bool(compressed)
    for i in compressed:
        theirs = reference.layers[i]
        for name, entries in theirs.compressed_kv.items():
            count = store.count(i, name)
            assert count == theirs.entry_count[name] == (length + new - 1) // theirs.compress_rate
            mine = store.caches[i][name].entries[:2, :count]
            torch.testing.assert_close(mine, entries)
    if mix == "csa4-hca128":
        assert store is not None and store.count(0, "compressor") == 2  # 256 tokens: 2 x 128


def test_bfloat16_entries_equal_transformers_cache_bit_for_bit() -> None:
    """In bfloat16 the carried gate logits arrive in float32 (the module adds its float32
    position bias first): the store keeps them so, and every entry matches exactly."""
    config = config_for("deepseek-v4-layer-types")
    model = build_model(config).to(torch.bfloat16)
    ids, mask = prompt(int(config.vocab_size), 30)
    reference = DynamicCache(config=config)
    want = greedy(model, ids, mask, 6, past_key_values=reference)
    cache = paged(model, 36)
    got = greedy(model, ids, mask, 6, past_key_values=cache)
    assert torch.equal(got.sequences, want.sequences)
    torch.testing.assert_close(torch.stack(got.logits), torch.stack(want.logits))
    store = cache.compressed
    assert store is not None
    for i in (1, 2, 3):
        for name, entries in reference.layers[i].compressed_kv.items():
            kept = store.caches[i][name]
            assert kept.entries.dtype == torch.bfloat16
            assert torch.equal(kept.entries[:2, : store.count(i, name)], entries)


def test_a_compressed_window_is_one_tensor_and_the_bytes_are_the_plans() -> None:
    """The window's K (= V) is paged once per token (no V tensor); the store holds, per
    sequence and cache, max_seq_len // every entries, an open window of every - 1 tokens' kv
    and gate (two series on CSA layers) and CSA's carried window (kv and float32 gate)."""
    config = config_for("deepseek-v4-layer-types")  # sliding, CSA 4, HCA 8, CSA 4; dim 32
    model = build_model(config)
    cache = paged(model, 64)
    assert cache.storage.layer(0).v is not None  # a sliding layer keeps K and V apart
    assert all(cache.storage.layer(i).v is None for i in (1, 2, 3))
    assert cache.storage.nbytes == cache.plan.cache_bytes_per_device
    csa = (64 // 4 * 32 + 3 * 64 * 2 + 4 * 32 * 2) + (64 // 4 * 16 + 3 * 32 * 2 + 4 * 16 * 2)
    hca = 64 // 8 * 32 + 7 * 32 * 2
    store = cache.compressed
    assert store is not None
    assert store.bytes_per_sequence == 4 * (2 * csa + hca)
    assert store.nbytes == cache.plan.compressed_bytes_per_device == 2 * store.bytes_per_sequence
    assert cache.plan.compressed_bytes_per_sequence_per_device == store.bytes_per_sequence
    assert cache.plan.state_bytes_per_device == 0  # the store is not recurrent state


def test_a_reset_cache_serves_the_next_batch_alike() -> None:
    config = config_for("deepseek-v4-layer-types")
    model = build_model(config)
    ids, mask = prompt(int(config.vocab_size), 21)
    cache = paged(model, 32)
    first = greedy(model, ids, mask, 5, past_key_values=cache).sequences
    cache.reset()
    assert cache.compressed is not None and cache.compressed.count(1, "compressor") == 0
    assert torch.equal(greedy(model, ids, mask, 5, past_key_values=cache).sequences, first)


def test_the_store_opens_carries_and_closes_windows_as_transformers_cache() -> None:
    """Chunks of 5, 1, 1, 6 and 3 tokens through a CSA layer's store and through
    ``DeepseekV4CSACache``: the same closed windows, positions, entries and carried series."""
    from transformers.models.deepseek_v4.modeling_deepseek_v4 import DeepseekV4CSACache

    config = config_for("deepseek-v4-layer-types")
    theirs = DeepseekV4CSACache(config)
    spec = Compressed(name="indexer", every=4, num_heads=1, head_dim=16)
    store = CompressedStore({7: (spec,)}, max_seqs=3, max_seq_len=16, dtype=torch.float32,
                            device="cpu")  # fmt: skip
    gen = torch.Generator().manual_seed(0)
    for n in (5, 1, 1, 6, 3):
        kv, gate = torch.randn(2, n, 32, generator=gen), torch.randn(2, n, 32, generator=gen)
        mine = store.take(7, "indexer", kv, gate)
        want = theirs.store_compression_weights("indexer", kv, gate)
        assert mine[2] == want[2]
        torch.testing.assert_close(mine[:2], want[:2])
        windows = want[0].shape[1] // 4
        entries = torch.randn(2, windows, 16, generator=gen)
        torch.testing.assert_close(
            store.append(7, "indexer", entries), theirs.update_compressor_states("indexer", entries)
        )
        if windows:
            chunk = torch.randn(2, windows, 4, 32, generator=gen)
            got = store.carry(7, "indexer", chunk[:, -1, :, :16], chunk[:, -1, :, :16])
            expect = theirs.update_overlap_state("indexer", chunk, chunk, 16)
            assert (got[0] is None) == (expect[0] is None)
            if expect[0] is not None:
                torch.testing.assert_close(got, expect)
    assert store.count(7, "indexer") == 4


def test_the_store_refuses_what_it_was_not_sized_for() -> None:
    spec = Compressed(name="compressor", every=4, num_heads=1, head_dim=8)
    store = CompressedStore({0: (spec,)}, max_seqs=1, max_seq_len=8, dtype=torch.float32,
                            device="cpu")  # fmt: skip
    with pytest.raises(ShapeError, match="compressor kv/gate"):
        store.take(0, "compressor", torch.zeros(1, 4, 16), torch.zeros(1, 4, 16))  # 2 series
    with pytest.raises(ShapeError, match="at most 2 entries"):
        store.append(0, "compressor", torch.zeros(1, 3, 8))  # 12 tokens' worth past 8
    with pytest.raises(ShapeError, match="batch"):
        store.append(0, "compressor", torch.zeros(2, 1, 8))
    with pytest.raises(ShapeError, match="no overlap"):
        store.carry(0, "compressor", torch.zeros(1, 4, 8), torch.zeros(1, 4, 8))
    with pytest.raises(ShapeError, match="one of"):
        store.append(0, "indexer", torch.zeros(1, 1, 8))


ENGINE_LENGTHS = [3, 9, 17, 30, 40, 6]
"""Mixed prompt lengths: the longer ones close CSA (4) and HCA (8) windows while prefilling,
every request closes more while decoding ``NEW`` tokens."""


@pytest.mark.parametrize("preempt", [False, True], ids=["kept", "preempted"])
def test_the_engine_serves_each_request_as_generate_of_it_alone(
    preempt: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sliding, CSA and HCA mix served by the Engine one sequence per forward, each request's
    compressed caches in its block-manager row of the store: greedy tokens equal ``generate``
    of each request alone. Preempted requests recompute from their first token, so their row
    must be reset (a stale row would misplace every entry after it)."""
    config = config_for("deepseek-v4-layer-types")
    ref = build_model(config)
    gen = torch.Generator().manual_seed(5)
    vocab = int(config.vocab_size)
    batch = [torch.randint(1, vocab, (n,), generator=gen).tolist() for n in ENGINE_LENGTHS]
    wants = [reference(ref, p, NEW) for p in batch]
    engine = Engine(build_model(config_for("deepseek-v4-layer-types")), max_batch_size=4,
                    max_seq_len=64, page_size=PAGE, num_blocks=48,
                    max_num_batched_tokens=64)  # fmt: skip
    assert not engine.cache.paged_attention and not engine.runner.use_graphs
    store = engine.cache.compressed
    assert store is not None and store.max_seqs == 4
    assert engine.plan.max_seq_len == 64
    preempted = spy_preemptions(engine, monkeypatch)
    if preempt:  # sliding windows only: pages recycle, so the test preempts one itself
        preempt_once(engine, monkeypatch)
    params = [SamplingParams(max_tokens=NEW, ignore_eos=True) for _ in batch]
    seen = spy_logits(monkeypatch, params)
    outs = engine.generate(batch, params)
    for i, (out, (want, logits)) in enumerate(zip(outs, wants, strict=True)):
        assert out.finish_reason == "length", out.error
        what = f"request {i} ({len(batch[i])} tokens)"
        assert_same_or_tie(out.token_ids, want, logits, torch.stack(seen[i]), what)
    assert bool(preempted) == preempt, preempted
    assert engine.stats.prefix_hit_tokens == 0
    assert_pool_empty(engine)


def test_the_store_serves_bound_rows_and_resets_fresh_ones() -> None:
    """Rows bound for a forward read and write their own counts; rows of one forward must
    hold the same counts; a fresh bind forgets the row's entries and carried window."""
    spec = Compressed(name="indexer", every=4, num_heads=1, head_dim=8)
    store = CompressedStore({0: (spec,)}, max_seqs=3, max_seq_len=16, dtype=torch.float32,
                            device="cpu")  # fmt: skip
    kv = torch.arange(2 * 6 * 16, dtype=torch.float32).reshape(2, 6, 16)

    def forward(rows: list[int], n: int, *, fresh: bool) -> int:
        store.bind(rows, fresh=fresh)
        closed, _, first = store.take(0, "indexer", kv[: len(rows), :n], kv[: len(rows), :n])
        windows = closed.shape[1] // 4
        store.append(0, "indexer", torch.ones(len(rows), windows, 8))
        if windows:
            last = closed.view(len(rows), windows, 4, 16)[:, -1, :, :8]
            store.carry(0, "indexer", last, last)
        return first

    assert forward([2], 6, fresh=True) == 0  # one window closed, two tokens open
    assert forward([0, 1], 3, fresh=True) == 0  # none closed
    assert [store.count(0, "indexer", r) for r in range(3)] == [0, 0, 1]
    assert forward([2], 2, fresh=False) == 4  # row 2's second window starts at token 4
    assert store.caches[0]["indexer"].filled == [3, 3, 0]
    assert store.caches[0]["indexer"].carried == [False, False, True]
    with pytest.raises(SequenceStateError, match="different entries or open windows"):
        forward([1, 2], 1, fresh=False)
    assert forward([2], 1, fresh=True) == 0  # recomputed from its start
    assert store.caches[0]["indexer"].carried == [False, False, False]
    with pytest.raises(ShapeError, match="compressed rows"):
        store.bind([3], fresh=True)
    with pytest.raises(ShapeError, match="bound rows"):
        store.append(0, "indexer", torch.zeros(2, 1, 8))
    store.unbind()
    assert store.rows is None
