"""The Engine on CUDA for the cache layouts beyond per-token self-attention: recurrent state
(hybrids), sparse-attention indexer keys, an encoder-decoder's cross-attention K/V, the families
served one sequence per forward, and deepseek_v4's compressed layers.

Greedy tokens of several requests served at once must equal transformers' ``generate`` of each
request alone, float32 on the GPU (the CPU tests check the same on the torch reference).
"""

from __future__ import annotations

from typing import Any

import pytest
import torch
import transformers
from transformers import BartConfig, BartForConditionalGeneration, DynamicCache, GenerationConfig
from transformers.models.auto.configuration_auto import CONFIG_MAPPING_NAMES

from kvarch.runtime.engine import Engine, SamplingParams
from tests.oracle.truth import build_model, text_config
from tests.oracle.variants import VARIANTS
from tests.test_runtime_engine_families import prompts, tiny_model

pytestmark = [
    pytest.mark.gpu,
    pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device"),
]

NEW = 8


def greedy_alone(model: Any, prompt: list[int]) -> list[int]:
    ids = torch.tensor([prompt], device="cuda")
    out = model.generate(ids, attention_mask=torch.ones_like(ids), max_new_tokens=NEW,
                         do_sample=False, eos_token_id=None, pad_token_id=0)  # fmt: skip
    return list(out[0, len(prompt) :].tolist())


# transformers 5.17 caches DeepSeek-V3.2's layers as expanded per-head K/V, which the paged
# indexer layer refuses (docs/runtime.md, "Indexer keys")
OLD_DSA = tuple(int(p) for p in transformers.__version__.split(".")[:2]) < (5, 24)


@pytest.mark.parametrize(
    "variant_id",
    [
        "jamba",
        "qwen3-next-layer-types",
        "falcon-h1-mqa-head-dim",
        # state hooked into the store's rows from its modules (module_state.py)
        "recurrent-gemma",
        # attention that cannot read the pages: one sequence per forward (solo.py)
        pytest.param(
            "qwen4-exp-text-types",
            marks=pytest.mark.skipif(OLD_DSA, reason="transformers < 5.24 names its layers apart"),
        ),
        "inkling-text-layer-types",
        "dory-last-loop",
        "dots3-note-text",
        # compressed layers: windows paged, entries in kvarch's store, one sequence per forward
        "deepseek-v4-layer-types",
        pytest.param(
            "deepseek-v32",
            marks=pytest.mark.skipif(OLD_DSA, reason="transformers < 5.24 caches DSA per head"),
        ),
    ],
)
def test_engine_on_cuda_matches_generate_alone(variant_id: str) -> None:
    model_type = next(v.model_type for v in VARIANTS if v.id == variant_id)
    if model_type not in CONFIG_MAPPING_NAMES:
        pytest.skip(f"transformers {transformers.__version__} has no {model_type}")
    ref, model = tiny_model(variant_id).cuda(), tiny_model(variant_id).cuda()
    batch = prompts(int(text_config(ref.config).vocab_size))
    want = [greedy_alone(ref, p) for p in batch]
    engine = Engine(model, max_batch_size=len(batch), max_seq_len=80, page_size=4,
                    num_blocks=64, max_num_batched_tokens=64)  # fmt: skip
    outs = engine.generate(batch, SamplingParams(max_tokens=NEW, ignore_eos=True))
    got = [o.token_ids for o in outs]
    differ = [(i, g, w) for i, (g, w) in enumerate(zip(got, want, strict=True)) if g != w]
    assert not differ, differ


def test_encoder_decoder_engine_on_cuda_matches_generate_alone() -> None:
    torch.manual_seed(0)
    # head_dim 16 (d_model / heads): the smallest the Triton kernels take
    config = BartConfig(
        vocab_size=96, d_model=64, encoder_layers=2, decoder_layers=2, encoder_attention_heads=4,
        decoder_attention_heads=4, encoder_ffn_dim=64, decoder_ffn_dim=64, init_std=0.3,
        max_position_embeddings=64, forced_eos_token_id=None, eos_token_id=95,
    )  # fmt: skip
    model = BartForConditionalGeneration(config).eval().cuda()
    gen = torch.Generator().manual_seed(4)
    sources = [torch.randint(3, 95, (n,), generator=gen).tolist() for n in (9, 6, 3, 7, 12)]
    greedy = GenerationConfig(max_new_tokens=10, do_sample=False, decoder_start_token_id=2,
                              pad_token_id=0, eos_token_id=None)  # fmt: skip
    want = [model.generate(torch.tensor([s], device="cuda"), generation_config=greedy)[0, 1:]
            .tolist() for s in sources]  # fmt: skip
    engine = Engine(model, max_batch_size=4, max_seq_len=32, page_size=4, num_blocks=8)
    outs = engine.generate([[2]] * len(sources), SamplingParams(max_tokens=10, ignore_eos=True),
                           encoder_inputs=sources)  # fmt: skip
    assert [o.token_ids for o in outs] == want
    assert engine.stats.preemptions > 0
    assert engine.cache.cross is not None and engine.cache.cross.store.nbytes == 0


def test_deepseek_v4_paged_cache_on_cuda_matches_transformers_cache() -> None:
    """Compressed layers: windows paged, compressor and indexer entries in kvarch's store; 250
    tokens close an HCA window in prefill and the padded row closes another while decoding."""
    if "deepseek_v4" not in CONFIG_MAPPING_NAMES:
        pytest.skip(f"transformers {transformers.__version__} has no deepseek_v4")
    from tests.test_runtime_compressed import MIXES, greedy, paged, prompt

    make, length, new = MIXES["csa4-hca128"]
    config = make()
    model = build_model(config).cuda()
    ids, mask = (t.cuda() for t in prompt(int(config.vocab_size), length))
    want = greedy(model, ids, mask, new, past_key_values=DynamicCache(config=config))
    got = greedy(model, ids, mask, new, past_key_values=paged(model, length + new))
    assert torch.equal(got.sequences, want.sequences)
    torch.testing.assert_close(torch.stack(got.logits), torch.stack(want.logits))
