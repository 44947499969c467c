# generated from schemas/minicpm3.yaml by `make generate`; do not edit.
# kvarch-digest: render=505ff097ebd1cbec content=0330294042d46e53
from typing import ClassVar

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class MiniCPM3Config(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """MiniCPM3 decoder with multi-head latent attention (latent KV cache)."""

    SCHEMA: ClassVar[str] = "schemas/minicpm3.yaml"

    num_hidden_layers: rt.Positive = 62
    """Decoder layers."""
    num_attention_heads: rt.Positive = 40
    """Query heads."""
    kv_lora_rank: rt.Positive = 256
    """Width of the compressed KV latent."""
    qk_rope_head_dim: rt.Positive = 32
    """Width of the rotary key part shared by all heads."""
    qk_nope_head_dim: rt.Positive = 64
    """Width of the non-rotary key part per head."""
    v_head_dim: rt.Positive | None = None
    """Value width per head (null means hidden_size / num_attention_heads)."""
    max_position_embeddings: rt.Positive = 32768
    """Longest sequence (already the rope-extended length)."""

    _count = DeepseekV3Config._count
    _num_kv_heads = DeepseekV3Config._num_kv_heads
    _k_head_dim = DeepseekV3Config._k_head_dim
    _v_head_dim = DeepseekV3Config._v_head_dim
    _max_length = DeepseekV3Config._max_length
    _mla_latent_dim = DeepseekV3Config._mla_latent_dim
