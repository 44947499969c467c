"""Group b's catalogue variants (appended to ``VARIANTS`` by ``variants.py``).

Import ``tests.oracle.variants`` rather than this module: it uses that module's helpers.
"""

from __future__ import annotations

from tests.oracle.variants import MAX_POS, MLA, SW4, VOCAB, Variant, _v, llama_like, moe

__all__ = ["VARIANTS_B"]

FS = ["full_attention", "sliding_attention"] * 2
EMU3_VQ = {
    "embed_dim": 8,
    "codebook_size": 16,
    "channel_multiplier": [1],
    "num_res_blocks": 1,
    "base_channels": 8,
    "attn_resolutions": [],
}
HRM = {
    "vocab_size": VOCAB,
    "hidden_size": 64,
    "intermediate_size": 64,
    "num_attention_heads": 4,
    "head_dim": 24,
    "max_position_embeddings": MAX_POS,
}
LONGCAT = {
    "vocab_size": VOCAB,
    "hidden_size": 64,
    "num_attention_heads": 4,
    "kv_lora_rank": 16,
    "q_lora_rank": 24,
    "qk_rope_head_dim": 8,
    "qk_nope_head_dim": 16,
    "v_head_dim": 24,
    "head_dim": 8,
    "n_routed_experts": 4,
    "zero_expert_num": 2,
    "moe_topk": 2,
    "ffn_hidden_size": 64,
    "expert_ffn_hidden_size": 32,
    "max_position_embeddings": MAX_POS,
}

VARIANTS_B: list[Variant] = [
    _v(
        "gpt-oss-pattern",
        "gpt_oss",
        llama_like(head_dim=24, sliding_window=4, num_local_experts=2, num_experts_per_tok=1),
        "no layer_types: even layers slide; explicit head_dim",
    ),
    _v(
        "gpt-oss-mqa-full-first",
        "gpt_oss",
        llama_like(
            head_dim=16,
            num_key_value_heads=1,
            sliding_window=6,
            num_local_experts=2,
            num_experts_per_tok=1,
            layer_types=FS,
        ),
        "MQA, explicit layer_types starting with a full layer",
    ),
    _v("hunyuan-dense", "hunyuan_v1_dense", llama_like(head_dim=16)),
    _v(
        "hunyuan-dense-mqa-head-dim",
        "hunyuan_v1_dense",
        llama_like(head_dim=24, num_key_value_heads=1),
        "MQA, head_dim ≠ hidden/heads",
    ),
    _v("hunyuan-moe", "hunyuan_v1_moe", moe(head_dim=16, num_experts=2, moe_topk=1)),
    _v(
        "hunyuan-moe-mha",
        "hunyuan_v1_moe",
        moe(head_dim=32, num_key_value_heads=None, num_experts=2, moe_topk=1),
    ),
    _v("internlm3", "internlm3", llama_like(head_dim=32)),
    _v("internlm3-mqa", "internlm3", llama_like(head_dim=16, num_key_value_heads=1)),
    _v("seed-oss", "seed_oss", llama_like(head_dim=32)),
    _v("seed-oss-mha", "seed_oss", llama_like(head_dim=16, num_key_value_heads=4)),
    _v("ernie4-5", "ernie4_5", llama_like(head_dim=24)),
    _v("ernie4-5-mqa", "ernie4_5", llama_like(head_dim=16, num_key_value_heads=1)),
    _v(
        "ernie4-5-moe",
        "ernie4_5_moe",
        moe(moe_num_experts=2, moe_k=1, moe_layer_start_index=1, moe_num_shared_experts=0),
        "head_dim = hidden/heads (the config class has no head_dim)",
    ),
    _v(
        "ernie4-5-moe-head-dim",
        "ernie4_5_moe",
        moe(head_dim=24, moe_num_experts=2, moe_k=1, num_key_value_heads=1),
        "a config.json head_dim is honoured",
    ),
    _v("jetmoe", "jetmoe", llama_like(kv_channels=16, num_local_experts=2, num_experts_per_tok=2)),
    _v(
        "jetmoe-wide-heads",
        "jetmoe",
        llama_like(
            kv_channels=24, num_key_value_heads=1, num_local_experts=2, num_experts_per_tok=1
        ),
        "one KV head of kv_channels ≠ hidden/heads",
    ),
    _v(
        "dots1-window",
        "dots1",
        moe(n_routed_experts=2, n_shared_experts=1, sliding_window=5, max_window_layers=2),
        "layers ≥ max_window_layers slide",
    ),
    _v(
        "dots1-layer-types",
        "dots1",
        moe(n_routed_experts=2, n_shared_experts=1, sliding_window=4, layer_types=SW4, head_dim=24),
        "explicit layer_types and head_dim",
    ),
    _v(
        "dots1-window-past-last-layer",
        "dots1",
        moe(n_routed_experts=2, n_shared_experts=1, max_window_layers=4, num_key_value_heads=4),
        "max_window_layers = layer count (dots.llm1's own): every layer full",
    ),
    _v("doge", "doge", llama_like(num_experts=4, num_experts_per_tok=1)),
    _v(
        "doge-window",
        "doge",
        llama_like(sliding_window=5, head_dim=24, num_key_value_heads=1, is_moe=False),
        "sliding_window: every layer sliding",
    ),
    _v("diffllama", "diffllama", llama_like()),
    _v("diffllama-head-dim", "diffllama", llama_like(head_dim=24, num_key_value_heads=4)),
    _v("bitnet", "bitnet", llama_like()),
    _v("bitnet-mqa", "bitnet", llama_like(num_key_value_heads=1)),
    _v("cwm-pattern", "cwm", llama_like(num_hidden_layers=6, head_dim=16, sliding_window=5)),
    _v(
        "cwm-layer-types",
        "cwm",
        llama_like(head_dim=24, sliding_window=4, layer_types=SW4, num_key_value_heads=1),
    ),
    _v("vaultgemma", "vaultgemma", llama_like(sliding_window=5, head_dim=16)),
    _v(
        "vaultgemma-layer-types",
        "vaultgemma",
        llama_like(sliding_window=4, head_dim=24, layer_types=FS, num_key_value_heads=1),
    ),
    _v("mellum", "mellum", moe(num_experts=2, head_dim=16)),
    _v(
        "mellum-layer-types",
        "mellum",
        moe(num_experts=2, head_dim=24, sliding_window=5, layer_types=SW4),
        "sliding layers only where layer_types says",
    ),
    _v("iquestcoder", "iquestcoder", llama_like(head_dim=32)),
    _v("iquestcoder-mqa", "iquestcoder", llama_like(head_dim=16, num_key_value_heads=1)),
    _v("jais2", "jais2", llama_like(head_dim=16)),
    _v("jais2-head-dim", "jais2", llama_like(head_dim=24, num_key_value_heads=1)),
    _v("solar-open", "solar_open", moe(n_routed_experts=2, head_dim=16)),
    _v(
        "solar-open-head-dim",
        "solar_open",
        moe(n_routed_experts=2, head_dim=24, num_key_value_heads=4),
    ),
    _v("nanochat", "nanochat", llama_like(num_key_value_heads=None)),
    _v("nanochat-gqa", "nanochat", llama_like()),
    _v("minimax-m2", "minimax_m2", moe(num_local_experts=2, head_dim=24)),
    _v(
        "minimax-m2-mqa", "minimax_m2", moe(num_local_experts=2, head_dim=16, num_key_value_heads=1)
    ),
    _v(
        "afmoe-pattern",
        "afmoe",
        moe(num_experts=2, head_dim=16, sliding_window=5, global_attn_every_n_layers=2),
        "every 2nd layer full",
    ),
    _v(
        "afmoe-default-every-4",
        "afmoe",
        moe(
            num_experts=2,
            head_dim=24,
            sliding_window=4,
            num_key_value_heads=1,
            num_shared_experts=1,
        ),
        "default: every 4th layer full; MQA",
    ),
    _v("hyperclovax", "hyperclovax", llama_like()),
    _v("hyperclovax-head-dim", "hyperclovax", llama_like(head_dim=24, num_key_value_heads=1)),
    _v("laguna", "laguna", moe(num_experts=2, head_dim=16)),
    _v(
        "laguna-per-layer-heads",
        "laguna",
        moe(
            num_experts=2,
            head_dim=24,
            sliding_window=5,
            layer_types=SW4,
            num_attention_heads_per_layer=[4, 8, 4, 2],
        ),
        "query heads vary per layer, KV heads do not",
    ),
    _v(
        "kolibri1",
        "kolibri1",
        moe(num_experts=2, head_dim=16, num_hidden_layers=6, sliding_window=5),
    ),
    _v(
        "kolibri1-layer-types",
        "kolibri1",
        moe(
            num_experts=4,
            n_group=2,
            topk_group=1,
            head_dim=24,
            sliding_window=4,
            layer_types=FS,
            num_key_value_heads=1,
        ),
    ),
    _v(
        "mimo-v2-flash",
        "mimo_v2_flash",
        moe(
            num_hidden_layers=7,
            n_routed_experts=2,
            head_dim=24,
            v_head_dim=16,
            num_key_value_heads=1,
            sliding_window=5,
        ),
        "layers 0 and 5 full; sliding layers cache 2x KV heads; K 24 / V 16",
    ),
    _v(
        "mimo-v2-flash-window-size",
        "mimo_v2_flash",
        moe(n_routed_experts=2, head_dim=16, v_head_dim=24, sliding_window_size=4, layer_types=SW4),
        "sliding_window_size + 1 is the window",
    ),
    _v(
        "zaya", "zaya", llama_like(head_dim=16, num_experts=2), "default: every layer hybrid (full)"
    ),
    _v(
        "zaya-sliding",
        "zaya",
        llama_like(
            head_dim=24,
            num_experts=2,
            sliding_window=5,
            layer_types=["hybrid", "hybrid_sliding"] * 2,
        ),
        "hybrid_sliding layers keep a window",
    ),
    _v(
        "flint-pattern",
        "flint",
        moe(
            num_experts=4,
            n_group=1,
            topk_group=1,
            num_hidden_layers=7,
            head_dim=16,
            sliding_window=5,
        ),
        "full on 0, 1, 5, 6 (last); sliding on 2, 3, 4",
    ),
    _v(
        "flint-layer-types",
        "flint",
        moe(num_experts=2, head_dim=24, sliding_window=4, layer_types=SW4, num_key_value_heads=1),
    ),
    _v("hy-v3", "hy_v3", moe(num_experts=2, head_dim=24)),
    _v("hy-v3-mqa", "hy_v3", moe(num_experts=2, head_dim=16, num_key_value_heads=1)),
    _v("youtu", "youtu", llama_like(**MLA), "MLA: latent cache"),
    _v(
        "youtu-wide-latent",
        "youtu",
        llama_like(**{**MLA, "kv_lora_rank": 32, "qk_rope_head_dim": 16}, num_key_value_heads=4),
    ),
    _v("axk1", "axk1", llama_like(**MLA), "MLA: latent cache"),
    _v(
        "axk1-wide-latent",
        "axk1",
        llama_like(**{**MLA, "kv_lora_rank": 40, "num_key_value_heads": 4}),
    ),
    _v(
        "axk2",
        "axk2",
        llama_like(**{**MLA, "num_key_value_heads": 4, "index_n_heads": 2, "index_head_dim": 16}),
        "MLA + DSA indexer: indexed_attention layers",
    ),
    _v(
        "axk2-layer-types",
        "axk2",
        llama_like(
            **{**MLA, "num_key_value_heads": 4, "kv_lora_rank": 24, "qk_rope_head_dim": 16},
            layer_types=["indexed_attention"] * 4,
        ),
    ),
    _v("hy-v4", "hy_v4", llama_like(**MLA), "MLA + DSA indexer + sinks: latent cache"),
    _v(
        "hy-v4-wide-latent",
        "hy_v4",
        llama_like(**{**MLA, "kv_lora_rank": 32, "qk_rope_head_dim": 16}, num_hidden_layers=3),
    ),
    _v(
        "longcat-flash",
        "longcat_flash",
        {
            **LONGCAT,
            "num_layers": 2,
        },
        "2 blocks x 2 MLA sublayers = 4 cached layers",
    ),
    _v(
        "longcat-flash-wide-latent",
        "longcat_flash",
        {**LONGCAT, "num_layers": 3, "kv_lora_rank": 32, "qk_rope_head_dim": 16, "head_dim": 16},
    ),
    _v("sarvam-moe", "sarvam_moe", moe(n_routed_experts=2, head_dim=24)),
    _v("sarvam-moe-mqa", "sarvam_moe", moe(n_routed_experts=2, head_dim=16, num_key_value_heads=1)),
    _v(
        "lara-mini-pattern",
        "lara_mini",
        moe(
            num_hidden_layers=6,
            num_experts=2,
            head_dim=16,
            sliding_window=5,
            linear_key_head_dim=8,
            linear_value_head_dim=8,
            linear_num_key_heads=2,
            linear_num_value_heads=4,
        ),
        "linear, sliding, linear, full, sliding, linear: linear layers keep no KV",
    ),
    _v(
        "lara-mini-layer-types",
        "lara_mini",
        moe(
            num_experts=2,
            head_dim=24,
            sliding_window=4,
            num_key_value_heads=1,
            layer_types=[
                "full_attention",
                "linear_attention",
                "sliding_attention",
                "linear_attention",
            ],
            linear_key_head_dim=8,
            linear_value_head_dim=8,
            linear_num_key_heads=2,
            linear_num_value_heads=4,
        ),
    ),
    _v(
        "hrm-text",
        "hrm_text",
        {**HRM, "num_hidden_layers": 1, "H_cycles": 2, "L_cycles": 1},
        "1 layer per stack x 2 H cycles x (1 + 1): 4 cache slots",
    ),
    _v(
        "hrm-text-cycles",
        "hrm_text",
        {**HRM, "num_hidden_layers": 2, "H_cycles": 1, "L_cycles": 2, "head_dim": 16},
        "2 x 1 x 3 = 6 cache slots",
    ),
    _v(
        "beam-pattern",
        "beam",
        moe(
            num_experts=4,
            n_group=1,
            topk_group=1,
            num_hidden_layers=7,
            head_dim=16,
            sliding_window=5,
        ),
        "layers 5 and 6 (the last) full, the rest sliding",
    ),
    _v(
        "beam-layer-types",
        "beam",
        moe(
            num_experts=4,
            n_group=2,
            topk_group=1,
            head_dim=24,
            sliding_window=4,
            layer_types=FS,
            num_key_value_heads=1,
        ),
    ),
    _v("aria-text", "aria_text", moe(moe_num_experts=2, moe_topk=1, moe_num_shared_experts=1)),
    _v(
        "aria-text-head-dim",
        "aria_text",
        moe(moe_num_experts=2, moe_topk=1, head_dim=24, num_key_value_heads=1),
    ),
    _v(
        "emu3",
        "emu3",
        {"text_config": llama_like(head_dim=24), "vq_config": EMU3_VQ},
        "VLM: geometry under text_config",
    ),
    _v(
        "emu3-mha",
        "emu3",
        {"text_config": llama_like(num_key_value_heads=4), "vq_config": EMU3_VQ},
    ),
]
