"""Group b's catalogue variants (appended to ``VARIANTS`` by ``variants.py``).

Import ``tests.oracle.variants`` rather than this module: it uses that module's helpers.
"""

from __future__ import annotations

from tests.oracle.variants import SW4, Variant, _v, llama_like, moe

__all__ = ["VARIANTS_B"]

FS = ["full_attention", "sliding_attention"] * 2

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
]
