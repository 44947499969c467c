# generated from schemas/axk1.yaml by `make generate`; do not edit.
# kvarch-digest: render=d02727a45742c8c3 content=5e1cf020cd6e36c7
from typing import ClassVar

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class AXK1Config(DeepseekV3Config, frozen=True, kw_only=True, dict=True):
    """A.X-K1 decoder with multi-head latent attention (DeepSeek-V3 latent KV cache)."""

    SCHEMA: ClassVar[str] = "schemas/axk1.yaml"

    num_hidden_layers: rt.Positive = 61
    num_attention_heads: rt.Positive = 64
    kv_lora_rank: rt.Positive = 512
    qk_rope_head_dim: rt.Positive = 64
    qk_nope_head_dim: rt.Positive = 128
    v_head_dim: rt.Positive = 128
    max_position_embeddings: rt.Positive = 32768
