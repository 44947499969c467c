"""Weight bytes without a checkpoint: the per-family count against transformers on the meta
device, quantized checkpoints against their published sizes, and plan's speed."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import warnings
from pathlib import Path
from typing import Any

import pytest

from kvarch.dtype import DType
from kvarch.params import Matrix, count_params
from kvarch.weights import config_weight_bytes

FIXTURES = Path(__file__).parent / "fixtures"
CONFIGS = sorted(FIXTURES.glob("configs*/*.json"))  # every fixture folder
assert len(CONFIGS) >= 219, CONFIGS  # 215 in configs/, 4 in configs_gemma_and_mla/


def _meta_params(config: dict[str, Any]) -> int:
    """Parameters transformers builds for ``config`` (its architecture class, meta device)."""
    import torch
    import transformers
    from transformers import AutoConfig, AutoModelForCausalLM

    if config["model_type"] == "gemma3n":  # the towers need PIL/timm: count the decoder
        config = config["text_config"]
    hf = AutoConfig.for_model(**config)
    name = (config.get("architectures") or [None])[0]
    if config["model_type"] == "emu3":  # its language model, as the oracle builds it: kvarch
        name = None  # counts no VQ-VAE (Emu3ForConditionalGeneration also needs vocabulary_map)
    cls = getattr(transformers, name, None) if name else None
    with warnings.catch_warnings(), torch.device("meta"):
        warnings.simplefilter("ignore")
        model = cls(hf) if cls is not None else AutoModelForCausalLM.from_config(hf)
    return sum(p.numel() for p in model.parameters())


#: parameters transformers builds that the checkpoint does not hold, by hand: LongCat-Flash's
#: experts tensor has gate/up rows for its 256 identity experts too (28 blocks, 2 x 2048 x 6144)
NOT_IN_CHECKPOINT = {"longcat-flash-chat": 28 * 256 * 2 * 2048 * 6144}


@pytest.mark.parametrize("path", CONFIGS, ids=lambda p: p.stem)
def test_parameter_count_matches_transformers(path: Path) -> None:
    config = json.loads(path.read_text())
    got = count_params(config).total
    want = _meta_params(config) - NOT_IN_CHECKPOINT.get(path.stem, 0)
    assert abs(got - want) <= 0.001 * want, (got, want)


#: quoted configs whose count is exact: kvarch's, transformers' on meta and the number agree
EXACT_COUNTS = {
    "gemma-4-12b-text": 11_907_350_272,  # gemma4_unified_text: the gemma4_text formula
    "dots3-note-prev-text": 279_551_718_016,  # the checkpoint's, less 45 router bias buffers
    "kolibri-1": 78_103_055_360,
    "zaya1-8b": 8_840_488_784,  # the 8.84 B the checkpoint's Hub listing gives
    "inkling-small-text": 263_655_189_034,  # the text model of the 276 B release
    "diffllama-0.3b-handcut": 1_235_818_496,  # Llama-3.2-1B's body + 4 lambdas of 64 a layer
    "doge-160m": 152_676_168,  # the recipe's "152M"
    "nanochat-d32": 1_879_048_192,  # the run log's count, exactly
    "k-exaone-236b-a23b": 236_571_150_336,  # the published 236 B (routers' biases are buffers)
    "musicgen-melody-decoder": 1_384_424_448,  # the decoder of the 1.5 B release
    "ministral-3-8b-base-2512-text": 8_489_553_920,  # the 8.4 B language model Mistral lists
    "emu3-chat-hf": 8_492_011_520,  # the language model (its VQ-VAE is not counted)
    "aria-text": 24_869_091_840,  # the 25.3 B release less its vision tower and projector
}


@pytest.mark.parametrize(("name", "params"), EXACT_COUNTS.items(), ids=list(EXACT_COUNTS))
def test_quoted_text_configs_count_exactly(name: str, params: int) -> None:
    config = json.loads((FIXTURES / "configs" / f"{name}.json").read_text())
    assert count_params(config).total == _meta_params(config) == params


@pytest.mark.parametrize(
    "extra",
    [{}, {"use_dsa": False, "use_sliding_window": False, "num_hidden_layers": 3},
     {"layer_types": ["full_attention", "sliding_attention"] * 2, "num_hidden_layers": 4}],
    ids=["default-schedule", "no-dsa-no-window", "legacy-full"],
)  # fmt: skip
def test_dots3_note_text_branches_count_exactly(extra: dict[str, Any]) -> None:
    """The schedule derived without ``layer_types``, ``use_dsa`` off, and sliding layers at
    transformers' ``swa_*`` defaults (the tiny oracle config)."""
    from tests.oracle import variants  # noqa: F401  (imports the family modules in order)
    from tests.oracle.variants_recent_families import _DOTS3

    config = {**_DOTS3, "model_type": "dots3_note_text", **extra}
    assert count_params(config).total == _meta_params(config)


@pytest.mark.parametrize(
    "extra",
    [{}, {"head_dim": 24, "num_key_value_heads": 1, "moe_num_shared_experts": 1}],
    ids=["defaults", "head-dim-gqa-one-shared"],
)
def test_aria_text_branches_count_exactly(extra: dict[str, Any]) -> None:
    """AriaTextConfig's defaults (8 experts, 2 shared, MHA), and an explicit head_dim with GQA
    and one shared expert, on a small config."""
    config = {"model_type": "aria_text", "hidden_size": 64, "intermediate_size": 32,
              "num_hidden_layers": 2, "num_attention_heads": 4, "vocab_size": 100}  # fmt: skip
    config.update(extra)
    assert count_params(config).total == _meta_params(config)


_SMALL = {"hidden_size": 64, "num_attention_heads": 4, "vocab_size": 100}
_QWEN4 = {"num_key_value_heads": 2, "num_hidden_layers": 4, "head_dim": 16,
          "linear_num_key_heads": 2, "linear_num_value_heads": 4, "linear_key_head_dim": 8,
          "linear_value_head_dim": 8, "num_experts": 4, "num_experts_per_tok": 2,
          "moe_intermediate_size": 24, "shared_expert_intermediate_size": 40, "hc_lowrank": 8,
          "ngram_vocab_size_base": 251, "make_ngram_vocab_size_divisible_by": 64,
          "indexer_n_heads": 2, "indexer_kv_heads": 1, "indexer_head_dim": 16,
          "indexer_budget": 4, "indexer_compress_ratio": 2}  # fmt: skip
# Branches of the hybrid formulas no published fixture takes, on tiny configs
HYBRID_BRANCHES = [
    ("nemotron_h", {"num_key_value_heads": 2, "mamba_num_heads": 8,
                    "mamba_head_dim": 16, "n_groups": 2, "ssm_state_size": 8,
                    "intermediate_size": 96, "n_routed_experts": 4, "moe_intermediate_size": 24,
                    "moe_shared_expert_intermediate_size": 40}),  # "ME*-": every block kind
    ("zamba", {"num_hidden_layers": 20, "intermediate_size": 96}),  # 16 KV heads by default
    ("zamba", {"num_key_value_heads": 2, "num_hidden_layers": 20, "intermediate_size": 96,
               "tie_word_embeddings": False, "mamba_dt_rank": 8}),  # untied: a block per layer
    ("zamba2", {"n_mamba_heads": 4, "num_hidden_layers": 54, "num_mem_blocks": 2,
                "adapter_rank": 8, "use_shared_attention_adapter": True,
                "tie_word_embeddings": False}),
    ("zamba2", {"num_key_value_heads": 2, "n_mamba_heads": 4, "num_hidden_layers": 6,
                "layers_block_type": ["mamba", "hybrid", "mamba", "hybrid", "hybrid", "mamba"],
                "num_mem_blocks": 3, "adapter_rank": 8}),
    ("falcon_h1", {"num_key_value_heads": 2, "num_hidden_layers": 3, "intermediate_size": 96,
                   "mamba_d_ssm": None, "mamba_n_heads": 8, "mamba_d_state": 16,
                   "mamba_rms_norm": True, "mamba_n_groups": 2}),  # inner 2 x hidden, a norm
    ("lfm2", {"num_key_value_heads": 2, "num_hidden_layers": 6, "full_attn_idxs": [1, 4],
              "intermediate_size": 300}),
    ("lfm2", {"num_key_value_heads": 2, "num_hidden_layers": 3, "intermediate_size": 300,
              "block_auto_adjust_ff_dim": False}),  # every layer attention
    ("lfm2_moe", {"num_key_value_heads": 2, "num_hidden_layers": 6, "intermediate_size": 96,
                  "moe_intermediate_size": 24, "num_experts": 4,
                  "layer_types": ["conv", "full_attention"] * 3}),
    ("granitemoehybrid", {"num_key_value_heads": 2, "num_hidden_layers": 3,
                          "num_local_experts": 0, "mamba_n_heads": 8, "mamba_d_state": 16,
                          "mamba_proj_bias": True, "shared_intermediate_size": 96}),  # dense
    ("granitemoehybrid", {"num_hidden_layers": 4, "num_local_experts": 4,
                          "intermediate_size": 24, "mamba_n_heads": 8, "mamba_d_state": 16,
                          "layer_types": ["mamba", "attention"] * 2}),
    ("qwen3_5_text", {"num_key_value_heads": 2, "num_hidden_layers": 4, "head_dim": 16,
                      "intermediate_size": 96, "linear_num_key_heads": 2,
                      "linear_num_value_heads": 4, "linear_key_head_dim": 8,
                      "linear_value_head_dim": 8}),  # dense, full_attention_interval 4
    ("kimi_linear", {"num_hidden_layers": 6, "num_key_value_heads": 4, "kv_lora_rank": 16,
                     "qk_nope_head_dim": 8, "qk_rope_head_dim": 8, "v_head_dim": 8,
                     "num_experts": 4, "moe_intermediate_size": 24, "intermediate_size": 96,
                     "pad_token_id": 0, "linear_attn_config": {"num_heads": 4, "head_dim": 16}}),
    # (no full_attn_layers / kda_layers: every 4th layer from layer 4 is MLA)
    *[("qwen4_exp_text", {**_QWEN4, **more}) for more in (
        {"layer_types": ["indexed_attention", "linear_attention", "full_attention",
                         "linear_attention"]},  # no PLE; "full_attention" read as indexed
        {"ple_layer_ids": [3, 1], "eos_token_id": 1, "ple_embed_dim": 32,  # two PLE layers:
         "split_ngram_parts": 2},  # the second's hash heads take the primes after the first's
    )],
]  # fmt: skip
_TINY_BERT = {"num_hidden_layers": 2, "intermediate_size": 96, "max_position_embeddings": 40}
_GLM_DSA = {"num_hidden_layers": 6, "first_k_dense_replace": 1, "n_routed_experts": 4,
            "moe_intermediate_size": 24, "intermediate_size": 96, "q_lora_rank": 32,
            "kv_lora_rank": 16, "qk_nope_head_dim": 8, "qk_rope_head_dim": 8, "v_head_dim": 8,
            "index_n_heads": 2, "index_head_dim": 16}  # fmt: skip
_DSV4 = {"head_dim": 16, "q_lora_rank": 32, "o_groups": 2, "o_lora_rank": 16, "hc_mult": 2,
         "index_n_heads": 2, "index_head_dim": 8, "n_routed_experts": 4,
         "moe_intermediate_size": 24, "num_experts_per_tok": 2, "sliding_window": 8}  # fmt: skip
_ZAYA = {"num_key_value_heads": 2, "head_dim": 16, "num_hidden_layers": 2, "num_experts": 4,
         "moe_intermediate_size": 24, "router_hidden_size": 8, "eos_token_id": 1}  # fmt: skip
_INKLING = {"num_key_value_heads": 2, "head_dim": 16, "d_rel": 4, "rel_extent": 10,
            "intermediate_size": 96, "moe_intermediate_size": 24, "num_experts_per_tok": 2,
            "n_shared_experts": 1}  # fmt: skip
# ... and of the other formulas whose fixture keeps its class's defaults
DEFAULTS_BRANCHES = [
    ("xmod", {**_TINY_BERT, "languages": ["en_XX", "de_DE", "fr_XX"], "adapter_layer_norm": True,
              "pre_norm": True, "adapter_reduction_factor": 4}),  # 3 adapters, 2 extra norms
    ("roc_bert", {**_TINY_BERT, "concat_input": False, "pronunciation_embed_dim": 64,
                  "shape_embed_dim": 64, "pronunciation_vocab_size": 50,
                  "shape_vocab_size": 70}),  # summed, not mapped: no map_inputs_layer
    ("roc_bert", {**_TINY_BERT, "enable_shape": False, "pronunciation_embed_dim": 32,
                  "pronunciation_vocab_size": 50, "shape_vocab_size": 70}),  # table, not mapped
    ("hunyuan_v1_moe", {**_TINY_BERT, "num_experts": 4, "moe_topk": 2, "num_key_value_heads": 2,
                        "head_dim": 16, "tie_word_embeddings": False}),
    # GLM-5's indexer schedule without indexer_types: every 2nd layer from layer 1 (0, 1, 3, 5);
    # then from a pattern string (F: own indexer, S: the previous one's top-k)
    ("glm_moe_dsa", {**_GLM_DSA, "index_topk_freq": 2, "index_skip_topk_offset": 2}),
    ("glm_moe_dsa", {**_GLM_DSA, "index_topk_pattern": "FSSFSS"}),
    # Laguna gated per channel, one query-head count; Hy3 with its dense layers listed
    ("laguna", {**_TINY_BERT, "num_key_value_heads": 2, "head_dim": 16, "gating": False,
                "num_experts": 4, "moe_intermediate_size": 24,
                "shared_expert_intermediate_size": 40}),
    ("hy_v3", {**_TINY_BERT, "num_key_value_heads": 2, "head_dim": 16, "num_experts": 4,
               "moe_intermediate_size": 24, "num_shared_experts": 2,
               "mlp_layer_types": ["sparse", "dense"]}),
    # HRM-Text with biases, as transformers writes its config back (inflated layer count)
    ("hrm_text", {**_TINY_BERT, "num_hidden_layers": 16, "num_layers_per_stack": 2,
                  "head_dim": 16, "attention_bias": True, "mlp_bias": True}),
    # Mellum with a dense layer among its sparse ones (the 12B fixture's are all sparse)
    ("mellum", {**_TINY_BERT, "num_key_value_heads": 2, "head_dim": 16, "num_experts": 4,
                "moe_intermediate_size": 24, "mlp_layer_types": ["dense", "sparse"]}),
    # Fuyu and GPT-SW3 small (the fixtures' fields at other sizes; GPT-SW3 untied)
    ("fuyu", {**_TINY_BERT, "patch_size": 4, "num_channels": 2}),
    ("gpt-sw3", {"n_embd": 64, "n_head": 4, "n_layer": 2, "n_inner": 96,
                 "tie_word_embeddings": False}),
    # Moshi with grouped KV heads and an explicit head_dim
    ("moshi", {**_TINY_BERT, "num_key_value_heads": 2, "head_dim": 32, "ffn_dim": 96}),
    # A.X-K1: a dense layer, then MoE blocks with their output norm
    ("axk1", {**_GLM_DSA, "num_hidden_layers": 3, "n_group": 1, "topk_group": 1,
              "num_experts_per_tok": 2}),
    # DeepSeek-V4: the default schedule (two HCA layers, then HCA and CSA alternating) at
    # other rates; then sliding, CSA and HCA layers listed, the HCA rate a legacy top-level field
    ("deepseek_v4", {**_DSV4, "num_hidden_layers": 5, "compress_rates": {
        "compressed_sparse_attention": 2, "heavily_compressed_attention": 8}}),
    ("deepseek_v4", {**_DSV4, "num_hidden_layers": 3, "compress_rate_hca": 16, "layer_types": [
        "sliding_attention", "compressed_sparse_attention", "heavily_compressed_attention"]}),
    # Phi-4-multimodal with its towers left out (their defaults), then small ones with the
    # symmetric bias, a depthwise multiplier, downsampling and a 4x time reduction
    ("phi4_multimodal", {**_TINY_BERT, "num_key_value_heads": 2, "pad_token_id": None}),
    ("phi4_multimodal", {**_TINY_BERT, "pad_token_id": None, "vision_config": {
        "hidden_size": 32, "intermediate_size": 48, "num_hidden_layers": 2,
        "num_attention_heads": 2, "image_size": 56, "patch_size": 14},
     "audio_config": {
        "hidden_size": 32, "intermediate_size": 48, "num_blocks": 2, "num_attention_heads": 2,
        "nemo_conv_channels": 16, "ext_pw_out_channel": 24,
        "depthwise_separable_out_channel": 40, "depthwise_multiplier": 2, "kernel_size": 5,
        "time_reduction": 4, "bias_max_distance": 50, "bias_symmetric": True,
        "downsample_rate": 2}}),
    # Kolibri 1 tied, experts under num_local_experts; ZAYA untied with biases (attention, head)
    # and a sliding layer, then tied with a head bias and one KV head
    ("kolibri1", {"num_key_value_heads": 2, "head_dim": 16, "num_hidden_layers": 3,
                  "moe_intermediate_size": 24, "num_local_experts": 4, "num_experts_per_tok": 2,
                  "shared_expert_intermediate_size": 40, "tie_word_embeddings": True}),
    *[("zaya", {**_ZAYA, **more}) for more in (
        {"num_hidden_layers": 3, "tie_word_embeddings": False, "lm_head_bias": True,
         "attention_bias": True, "layer_types": ["hybrid", "hybrid_sliding", "hybrid"],
         "sliding_window": 8},
        {"num_key_value_heads": 1, "lm_head_bias": True},
    )],
    # Inkling: sliding layers narrower than the global ones, both schedules listed, no
    # dense_intermediate_size; then the default global rule (every 6th) and dense_mlp_idx
    ("inkling_text", {**_INKLING, "swa_num_attention_heads": 8, "swa_num_key_value_heads": 4,
                      "swa_head_dim": 8, "num_hidden_layers": 4, "sliding_window": 6,
                      "layer_types": ["hybrid", "hybrid_sliding", "hybrid_sliding", "hybrid"],
                      "mlp_layer_types": ["sparse", "dense", "sparse", "dense"],
                      "conv_kernel_size": 3, "n_routed_experts": 4}),
    ("inkling_text", {**_INKLING, "swa_num_attention_heads": 4, "swa_num_key_value_heads": 2,
                      "swa_head_dim": 16, "num_hidden_layers": 7, "sliding_window_size": 6,
                      "num_local_experts": 4, "dense_mlp_idx": 1}),
    # Doge with its cross-domain experts (is_moe: 2 x sqrt(16) router keys, up/down embeddings)
    ("doge", {**_TINY_BERT, "num_key_value_heads": 2, "is_moe": True, "num_experts": 16,
              "num_experts_per_tok": 2}),
    # EXAONE-MoE: mlp_layer_types listed (a dense layer among the sparse ones), GQA, tied;
    # DiffLlama with an explicit head_dim
    ("exaone_moe", {**_TINY_BERT, "num_hidden_layers": 3, "num_key_value_heads": 2,
                    "head_dim": 16, "num_experts": 4, "moe_intermediate_size": 24,
                    "num_shared_experts": 2, "tie_word_embeddings": True,
                    "mlp_layer_types": ["sparse", "dense", "sparse"]}),
    ("diffllama", {**_TINY_BERT, "num_key_value_heads": 2, "head_dim": 8}),
]  # fmt: skip


@pytest.mark.parametrize(("model_type", "fields"), HYBRID_BRANCHES + DEFAULTS_BRANCHES)
def test_hybrid_formula_branches_match_transformers(
    model_type: str, fields: dict[str, Any]
) -> None:
    config = {"model_type": model_type, **_SMALL, **fields}
    assert count_params(config).family == model_type
    assert count_params(config).total == _meta_params(config)


_TINY_QWEN = {
    "hidden_size": 64,
    "num_attention_heads": 4,
    "num_key_value_heads": 2,
    "vocab_size": 100,
    "intermediate_size": 96,
    "num_hidden_layers": 2,
}
_TINY_SAM = {
    "hidden_size": 32,
    "num_attention_heads": 2,
    "num_hidden_layers": 3,
    "mlp_dim": 48,
    "image_size": 64,
    "patch_size": 8,
    "output_channels": 16,
}
# The towers of composites whose decoder sits under text_config (kvarch.params.multimodal)
TOWER_BRANCHES = [
    # GOT-OCR2's SAM: no position grid nor qkv biases, 3-wide windows beside one global layer;
    # then windows of 0 (every layer's relative table spans the grid); then no relative tables
    {"model_type": "got_ocr2", "text_config": {"model_type": "qwen2", **_TINY_QWEN},
     "vision_config": {**_TINY_SAM, "use_abs_pos": False, "qkv_bias": False, "window_size": 3,
                       "global_attn_indexes": [1]}},
    {"model_type": "got_ocr2", "text_config": {"model_type": "qwen2", **_TINY_QWEN},
     "vision_config": {**_TINY_SAM, "window_size": 0, "global_attn_indexes": []}},
    {"model_type": "got_ocr2", "text_config": {"model_type": "qwen2", **_TINY_QWEN},
     "vision_config": {**_TINY_SAM, "use_rel_pos": False}},
    # MOSS's Whisper encoder under transformers' own field names, an unbiased adaptor of 2 frames
    {"model_type": "moss_transcribe_diarize", "projector_bias": False, "audio_merge_size": 2,
     "text_config": {"model_type": "qwen3", **_TINY_QWEN, "head_dim": 32},
     "audio_config": {"hidden_size": 32, "num_hidden_layers": 2, "num_attention_heads": 2,
                      "intermediate_size": 48, "num_mel_bins": 16, "max_source_positions": 20}},
]  # fmt: skip


@pytest.mark.parametrize("config", TOWER_BRANCHES, ids=lambda c: c["model_type"])
def test_tower_branches_match_transformers(config: dict[str, Any]) -> None:
    text = count_params({**config["text_config"], "tie_word_embeddings": True})  # tied by default
    count = count_params(config)
    assert count.total > text.total  # the towers are counted, not the text model alone
    assert count.family == f"{text.family} + {config['model_type']} towers"
    # the towers add no matrices (quantizers skip them): the text model's matrices, unchanged
    assert count.matrices == text.matrices
    assert count.total == _meta_params(config)


@pytest.mark.parametrize(
    "model_type",
    [
        "fuyu",
        "moshi",
        "phi4_multimodal",
        "gpt-sw3",
        "deepseek_v4",
        "kolibri1",
        "zaya",
        "inkling_text",
        "exaone_moe",
        "ministral3",
        "aria_text",
        "emu3",
    ],
)
def test_a_bare_model_type_counts_its_config_class_defaults(model_type: str) -> None:
    """The formulas' own defaults (``kvarch.params.core``) are transformers' config defaults:
    ``{"model_type": ...}`` alone counts what transformers builds from it."""
    config = {"model_type": model_type}
    assert count_params(config).total == _meta_params(config)


def test_deepseek_v4_refuses_a_compress_ratio_it_has_no_layer_kind_for() -> None:
    config = {"model_type": "deepseek_v4", "compress_ratios": [0, 4, 8]}
    with pytest.raises(ValueError, match=r"compress_ratios: expected entries of \[0, 4, 128\]"):
        count_params(config)


def _with(config: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {**config, **extra}


def _fixture(name: str) -> dict[str, Any]:
    return dict(json.loads((FIXTURES / "configs" / f"{name}.json").read_text()))


# Published checkpoint totals (model.safetensors.index.json "total_size", or the Hub's size).
QUANTIZED = [
    (  # mxfp4 experts, the rest bf16
        "gpt-oss-20b",
        {"quant_method": "mxfp4", "modules_to_not_convert": [
            "model.layers.*.self_attn", "model.layers.*.mlp.router", "model.embed_tokens",
            "lm_head"]},
        13_761_264_768,
    ),
    ("deepseek-v3", None, 688_586_727_753),  # fp8 128x128 blocks; the checkpoint adds MTP
    ("llama-3-8b", {"quant_method": "gptq", "bits": 4, "group_size": 128}, 5.74e9),
    ("llama-3-8b", {"quant_method": "awq", "bits": 4, "group_size": 128}, 5.73e9),
]  # fmt: skip


@pytest.mark.parametrize(("name", "quant", "checkpoint"), QUANTIZED)
def test_quantized_weights_within_ten_percent_of_the_checkpoint(
    name: str, quant: dict[str, Any] | None, checkpoint: float
) -> None:
    config = _fixture(name)
    if quant is not None:
        config["quantization_config"] = quant
    got = config_weight_bytes(config, DType.bfloat16)
    assert abs(got.bytes - checkpoint) <= 0.10 * checkpoint, (got.bytes, checkpoint)
    assert got.source == "formula" and "quantized layers" in got.detail
    plain = config_weight_bytes(_with(config, quantization_config=None), DType.bfloat16)
    assert got.bytes < 0.8 * plain.bytes


def test_issue_weights_are_the_real_bf16_bytes() -> None:
    """The estimates the issue found off (Falcon-7b 22.3 GB, StarCoder 49.5, MPT-7b 18.0,
    Gemma-2-9b 20.3) are now the checkpoints' bf16 sizes (13.8, 31.0, 13.3, 18.5 GB)."""
    for name, real in (("falcon-7b", 13.8e9), ("starcoder", 31.0e9), ("mpt-7b", 13.3e9),
                       ("gemma-2-9b", 18.5e9)):  # fmt: skip
        got = config_weight_bytes(_fixture(name), DType.bfloat16).bytes
        assert abs(got - real) <= 0.01 * real, (name, got)


def test_unknown_family_says_it_was_counted_as_llama() -> None:
    config = _with(_fixture("llama-3-8b"), model_type="my_llama")
    got = config_weight_bytes(config, DType.bfloat16)
    assert got.bytes == config_weight_bytes(_fixture("llama-3-8b"), DType.bfloat16).bytes
    assert "no formula for 'my_llama'" in got.detail


def test_plan_stays_fast_and_torch_free() -> None:
    config = FIXTURES / "configs" / "deepseek-v3.json"
    code = (
        "import sys, time; t = time.perf_counter(); from kvarch.cli import main;"
        f"rc = main(['plan', {str(config)!r}, '--gpu-memory', '141GiB', '--tp', '8', '--json']);"
        "print('SECONDS', time.perf_counter() - t);"
        "print('HEAVY', [m for m in ('torch', 'transformers') if m in sys.modules])"
    )
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-500:]
    assert "HEAVY []" in done.stdout
    inside = float(done.stdout.split("SECONDS")[1].split()[0])
    assert inside < 0.3, (inside, time.perf_counter() - start)


def test_qwen3_8_flash_next_text_counts_exactly() -> None:
    """177 B parameters, 51 B of them the n-gram table of its one PLE layer: 16 hash heads of
    prime sizes from 20,000,003 to 20,000,171 rows, padded to a multiple of 128 (the release's
    128 shards of 2,500,012 rows), of 2560 / 16 columns; the hyper-connections' 97 mixers'
    matrices are 0.64 B."""
    config = _fixture("qwen3.8-flash-next-text")
    n = count_params(config)
    assert n.total == _meta_params(config) == 176_943_899_520
    assert Matrix(128 * 2_500_012, 2560 // 16, 1, "embed") in n.matrices
    streams = 4 * 2560
    mixers = 97 * 2 * 320 * streams + 96 * 4 * streams  # down and up; inject
    routers = 48 * (512 + 1) * 2560  # the experts' and the shared expert's gates
    assert sum(m.numel for m in n.matrices if m.tag == "router") == mixers + routers


def test_kolibri_1_count_is_the_checkpoints_less_its_router_biases() -> None:
    """The BF16 checkpoint's safetensors hold 78,103,074,560 parameters (a header inventory of
    Aleph-Alpha/Kolibri-1-BF16); transformers keeps each layer's 384 expert biases as a
    buffer, so the model counts 50 x 384 fewer."""
    assert count_params(_fixture("kolibri-1")).total + 50 * 384 == 78_103_074_560
