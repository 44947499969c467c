"""Encoder–decoder models (whisper, bart) on the paged cache: greedy tokens equal transformers'.

Self-attention is paged; cross-attention K/V is kept per sequence in ``CrossStore`` and freed
with the sequence. CPU, float32, tiny random models built from configs.
"""

from __future__ import annotations

from typing import Any

import pytest
import torch
from transformers import (
    AutoModelForSeq2SeqLM,
    BartConfig,
    BartForCausalLM,
    BartForConditionalGeneration,
    GenerationConfig,
    LlamaConfig,
    LlamaForCausalLM,
    WhisperConfig,
    WhisperForConditionalGeneration,
)

from kvarch.runtime import Engine, PagedCache, SamplingParams
from kvarch.runtime.cross import PagedEncoderDecoderCache
from kvarch.runtime.errors import RequestError, ShapeError
from tests.oracle.variants import available_variants, make_config

VOCAB = 96
TINY = dict(
    vocab_size=VOCAB, d_model=32, encoder_layers=2, decoder_layers=2, encoder_attention_heads=4,
    decoder_attention_heads=4, encoder_ffn_dim=64, decoder_ffn_dim=64, init_std=0.3,
)  # fmt: skip
BART_START, WHISPER_START = 2, 1


@pytest.fixture(autouse=True)
def _one_thread() -> Any:
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def bart() -> Any:
    torch.manual_seed(0)
    config = BartConfig(**TINY, max_position_embeddings=64, forced_eos_token_id=None,
                        eos_token_id=VOCAB - 1)  # fmt: skip
    return BartForConditionalGeneration(config).eval()


def whisper() -> Any:
    torch.manual_seed(1)
    config = WhisperConfig(
        **TINY, num_mel_bins=8, max_source_positions=12, max_target_positions=40,
        decoder_start_token_id=WHISPER_START, pad_token_id=0, eos_token_id=VOCAB - 1,
        bos_token_id=WHISPER_START, suppress_tokens=[], begin_suppress_tokens=None,
    )  # fmt: skip
    return WhisperForConditionalGeneration(config).eval()


def greedy(start: int, new: int) -> GenerationConfig:
    """Plain greedy search (no EOS, no forced or suppressed tokens)."""
    return GenerationConfig(max_new_tokens=new, do_sample=False, decoder_start_token_id=start,
                            pad_token_id=0, eos_token_id=None)  # fmt: skip


def source(lengths: list[int]) -> tuple[torch.Tensor, torch.Tensor]:
    """Right-padded encoder ids of the given lengths and their mask."""
    torch.manual_seed(2)
    ids = torch.randint(3, VOCAB - 1, (len(lengths), max(lengths)))
    mask = (torch.arange(max(lengths))[None, :] < torch.tensor(lengths)[:, None]).long()
    return ids.masked_fill(mask == 0, 1), mask


def test_bart_generate_on_paged_cache_equals_transformers() -> None:
    model = bart()
    ids, mask = source([9, 6, 3])
    config = greedy(BART_START, 8)
    kwargs = dict(attention_mask=mask, generation_config=config, output_scores=True,
                  return_dict_in_generate=True)  # fmt: skip
    ref = model.generate(ids, **kwargs)
    cache = PagedCache.from_model(model, max_batch_size=3, max_seq_len=32, page_size=4)
    assert isinstance(cache.kwargs_for(model)["cache"], PagedEncoderDecoderCache)
    assert cache.paged_attention  # self-attention reads the pages
    out = model.generate(ids, **kwargs, **cache.kwargs_for(model))
    assert torch.equal(out.sequences, ref.sequences)
    assert len(set(ref.sequences[:, 1:].flatten().tolist())) > 3  # not one repeated token
    for got, want in zip(out.scores, ref.scores, strict=True):
        torch.testing.assert_close(got, want, rtol=1e-4, atol=1e-4)
    # 3 sequences x 2 layers x (K, V) x 4 heads x 9 encoder positions x 8 dims x 4 bytes
    assert cache.cross is not None and cache.cross.store.nbytes == 3 * 2 * 2 * 4 * 9 * 8 * 4
    assert cache.manager.num_free_blocks(0) < cache.plan.blocks_per_group[0]
    cache.reset()
    assert cache.cross.store.nbytes == 0 and not cache.cross.store.seqs
    again = model.generate(ids, **kwargs, **cache.kwargs_for(model))
    assert torch.equal(again.sequences, ref.sequences)


def test_whisper_generate_on_paged_cache_equals_transformers() -> None:
    model = whisper()
    torch.manual_seed(3)
    features = torch.randn(2, 8, 24)  # 24 frames: 12 encoder positions
    config = greedy(WHISPER_START, 10)
    ref = model.generate(features, generation_config=config)
    cache = PagedCache.from_model(model, max_batch_size=2, max_seq_len=32, page_size=4)
    out = model.generate(features, generation_config=config, **cache.kwargs_for(model))
    assert torch.equal(out, ref)
    assert len(set(ref.flatten().tolist())) > 3
    assert cache.cross is not None and cache.cross.store.encoder_len(1) == 12


def bart_references(model: Any, sources: list[list[int]], new: int) -> list[list[int]]:
    config = greedy(BART_START, new)
    return [model.generate(torch.tensor([s]), generation_config=config)[0, 1:].tolist()
            for s in sources]  # fmt: skip


def test_bart_engine_batches_encoder_lengths_and_preempts() -> None:
    model = bart()
    torch.manual_seed(4)
    sources = [torch.randint(3, VOCAB - 1, (n,)).tolist() for n in (9, 6, 3, 7, 12)]
    refs = bart_references(model, sources, 10)
    # 5 requests of 11 tokens need 15 pages of 4; 8 force preemptions
    engine = Engine(model, max_batch_size=4, max_seq_len=32, page_size=4, num_blocks=8)
    outs = engine.generate([[BART_START]] * 5, SamplingParams(max_tokens=10, ignore_eos=True),
                           encoder_inputs=sources)  # fmt: skip
    assert [o.token_ids for o in outs] == refs
    assert engine.stats.preemptions > 0
    assert engine.cache.cross is not None and engine.cache.cross.store.nbytes == 0


def test_bart_engine_does_not_share_prefix_blocks_across_encoder_inputs() -> None:
    model = bart()
    torch.manual_seed(5)
    sources = [torch.randint(3, VOCAB - 1, (n,)).tolist() for n in (5, 8, 5)]
    sources[2] = list(sources[0])  # equal input: may share
    prompt = [BART_START, 7, 8, 9, 10, 11, 12, 13, 14]  # two full pages of 4
    config = GenerationConfig(max_new_tokens=6, do_sample=False, eos_token_id=None, pad_token_id=0)
    refs = [
        model.generate(torch.tensor([s]), decoder_input_ids=torch.tensor([prompt]),
                       generation_config=config)[0, len(prompt):].tolist()
        for s in sources
    ]  # fmt: skip
    engine = Engine(model, max_batch_size=1, max_seq_len=32, page_size=4, num_blocks=16)
    outs = engine.generate([prompt] * 3, SamplingParams(max_tokens=6, ignore_eos=True),
                           encoder_inputs=sources)  # fmt: skip
    assert [o.token_ids for o in outs] == refs
    assert engine.stats.prefix_hit_tokens == 8  # only the third (same input as the first) hits


def test_whisper_engine_equals_transformers() -> None:
    """Decoder prompts of 1 to 7 tokens (a task prefix), prefilled in chunks of 5 tokens."""
    model = whisper()
    model.generation_config.eos_token_id = None
    torch.manual_seed(6)
    features = [torch.randn(8, 24) for _ in range(4)]
    prompts = [[WHISPER_START], [WHISPER_START, 5, 6, 7], [WHISPER_START, 9],
               [WHISPER_START, 5, 6, 7, 8, 10, 11]]  # fmt: skip
    config = greedy(WHISPER_START, 9)
    refs = [model.generate(f[None], decoder_input_ids=torch.tensor([p]), generation_config=config)
            for f, p in zip(features, prompts, strict=True)]  # fmt: skip
    engine = Engine(model, max_batch_size=4, max_seq_len=32, page_size=4, num_blocks=8,
                    max_num_batched_tokens=5)  # fmt: skip
    outs = engine.generate(prompts, SamplingParams(max_tokens=9, ignore_eos=True),
                           encoder_inputs=features)  # fmt: skip
    assert [o.token_ids for o in outs] == [r[0].tolist() for r in refs]  # new tokens only
    assert engine.stats.preemptions > 0
    assert engine.cache.cross is not None and not engine.cache.cross.store.seqs


def test_engine_frees_cross_kv_on_abort_and_checks_encoder_input() -> None:
    model = bart()
    engine = Engine(model, max_batch_size=2, max_seq_len=32, page_size=4, num_blocks=8)
    rid = engine.add_request([BART_START], SamplingParams(max_tokens=5), encoder_input=[5, 6, 7])
    engine.step()
    store = engine.cache.cross.store
    assert store.encoder_len(rid) == 3 and store.nbytes == 2 * 2 * 4 * 3 * 8 * 4
    assert engine.abort(rid) and store.nbytes == 0
    with pytest.raises(RequestError, match="needs encoder input"):
        engine.add_request([BART_START])
    with pytest.raises(RequestError, match="encoder input token id 999 at position 1"):
        engine.add_request([BART_START], encoder_input=[5, 999])
    torch.manual_seed(0)
    llama = LlamaForCausalLM(LlamaConfig(hidden_size=32, intermediate_size=64, num_hidden_layers=1,
                                         num_attention_heads=4, vocab_size=VOCAB))  # fmt: skip
    decoder_only = Engine(llama, max_batch_size=1, max_seq_len=32, page_size=4, num_blocks=4)
    with pytest.raises(RequestError, match="encoder input given to a decoder-only model"):
        decoder_only.add_request([1, 2], encoder_input=[3])


def test_bart_as_causal_lm_gets_each_packed_token_its_position() -> None:
    """BartForCausalLM's forward takes no position_ids (positions come from the cache length):
    the engine hands its position embedding every packed token's own position."""
    torch.manual_seed(7)
    config = BartConfig(**TINY, max_position_embeddings=64, forced_eos_token_id=None,
                        eos_token_id=VOCAB - 1)  # fmt: skip
    model = BartForCausalLM(config).eval()
    prompts = [[5, 6, 7, 8, 9], [10, 11, 12], [13, 14, 15, 16, 17, 18, 19]]
    config_g = GenerationConfig(max_new_tokens=6, do_sample=False, eos_token_id=None,
                                pad_token_id=0)  # fmt: skip
    refs = [model.generate(torch.tensor([p]), generation_config=config_g)[0, len(p):].tolist()
            for p in prompts]  # fmt: skip
    engine = Engine(model, max_batch_size=3, max_seq_len=32, page_size=4, num_blocks=12)
    outs = engine.generate(prompts, SamplingParams(max_tokens=6, ignore_eos=True))
    assert [o.token_ids for o in outs] == refs


def test_the_pool_budget_leaves_room_for_a_batch_of_cross_kv() -> None:
    model = bart()
    free = 1 << 22
    cache = PagedCache.from_model(model, max_batch_size=3, max_seq_len=32, page_size=4,
                                  free_bytes=free)  # fmt: skip
    # 2 layers x (K, V) x 4 heads x 8 dims x 64 encoder positions x 4 bytes, per sequence
    cross = 2 * 2 * 4 * 8 * 64 * 4
    assert cache.plan is not None
    assert cache.plan.cross_bytes_per_device == 3 * cross
    assert cache.plan.available_bytes_per_device == int(free * 0.9) - 3 * cross


RELATIVES = ["mbart", "marian", "pegasus", "blenderbot", "blenderbot-small", "plbart",
             "bigbird_pegasus", "mvp", "prophetnet"]  # fmt: skip
"""BART's relatives (their oracle variants, as sequence-to-sequence models)."""
OWN_ATTENTION = {"mvp", "prophetnet"}
"""Their attention does not dispatch through AttentionInterface: ``generate`` gets gathered
K/V (cross K/V stacked from the store), and the engine serves each sequence alone so
(``runtime/solo.py``)."""


@pytest.mark.parametrize("variant_id", RELATIVES)
def test_bart_relatives_generate_and_engine_equal_transformers(variant_id: str) -> None:
    config = make_config(next(v for v in available_variants() if v.id == variant_id))
    config.init_std = 0.3  # livelier tokens than the oracle's tiny init
    config.eos_token_id = config.forced_eos_token_id = None
    torch.manual_seed(0)
    model = AutoModelForSeq2SeqLM.from_config(config).eval()
    model.generation_config.eos_token_id = model.generation_config.forced_eos_token_id = None
    start = int(config.decoder_start_token_id or 0)
    gen = GenerationConfig(max_new_tokens=6, do_sample=False, decoder_start_token_id=start,
                           pad_token_id=config.pad_token_id or 0, eos_token_id=None)  # fmt: skip
    torch.manual_seed(8)
    sources = [torch.randint(3, config.vocab_size - 1, (n,)).tolist() for n in (7, 4, 9)]
    refs = [model.generate(torch.tensor([s]), generation_config=gen, output_scores=True,
                           return_dict_in_generate=True) for s in sources]  # fmt: skip
    cache = PagedCache.from_model(model, max_batch_size=1, max_seq_len=16, page_size=4)
    for src, ref in zip(sources, refs, strict=True):
        out = model.generate(torch.tensor([src]), generation_config=gen, output_scores=True,
                             return_dict_in_generate=True, **cache.kwargs_for(model))  # fmt: skip
        assert torch.equal(out.sequences, ref.sequences)
        torch.testing.assert_close(torch.stack(out.scores), torch.stack(ref.scores),
                                   rtol=1e-4, atol=1e-4)  # fmt: skip
        cache.reset()
    for blocks in (5, 16):  # a pool that preempts, and one that does not
        engine = Engine(model, max_batch_size=3, max_seq_len=16, page_size=4, num_blocks=blocks)
        assert engine.cache.paged_attention == (variant_id not in OWN_ATTENTION)
        outs = engine.generate([[start]] * 3, SamplingParams(max_tokens=6, ignore_eos=True),
                               encoder_inputs=sources)  # fmt: skip
        assert [o.token_ids for o in outs] == [r.sequences[0, 1:].tolist() for r in refs]
        assert (engine.stats.preemptions > 0) == (blocks == 5)


def test_the_paged_cache_itself_given_to_an_encoder_decoder_model_is_refused() -> None:
    """Without the EncoderDecoderCache of ``kwargs_for`` the modules would write their cross
    K/V into the self-attention pages: a typed error says what to pass."""
    model = bart()
    cache = PagedCache.from_model(model, max_batch_size=1, max_seq_len=32, page_size=4)
    with pytest.raises(ShapeError, match=r"pass \*\*cache.kwargs_for\(model\)"):
        model.generate(torch.tensor([[5, 6, 7]]), generation_config=greedy(BART_START, 4),
                       cache=cache)  # fmt: skip


def test_engine_from_a_config_json_builds_the_sequence_to_sequence_model(tmp_path: Any) -> None:
    bart().config.to_json_file(tmp_path / "bart.json")
    engine = Engine.from_pretrained(tmp_path / "bart.json", max_seq_len=32, max_batch_size=2)
    assert type(engine.model).__name__ == "BartForConditionalGeneration"
    whisper().config.to_json_file(tmp_path / "config.json")
    engine = Engine.from_pretrained(tmp_path / "config.json", max_seq_len=32, max_batch_size=2)
    assert type(engine.model).__name__ == "WhisperForConditionalGeneration"
    out = engine.generate([[WHISPER_START]], SamplingParams(max_tokens=3, ignore_eos=True),
                          encoder_inputs=[torch.randn(8, 24)])  # fmt: skip
    assert len(out[0].token_ids) == 3 and out[0].finish_reason == "length"
