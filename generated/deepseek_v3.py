# generated from schemas/deepseek_v3.yaml by `make generate`; do not edit.
# kvarch-digest: render=ac6536104230c7ef content=cf0a919aa6e39c13
from typing import ClassVar

from kvarch import schema_runtime as rt


class DeepseekV3Config(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """DeepSeek-V3 decoder with multi-head latent attention (latent KV cache)."""

    SCHEMA: ClassVar[str] = "schemas/deepseek_v3.yaml"

    num_hidden_layers: rt.Positive
    """Decoder layers."""
    num_attention_heads: rt.Positive
    """Query heads."""
    kv_lora_rank: rt.Positive
    """Width of the compressed KV latent."""
    qk_rope_head_dim: rt.Positive
    """Width of the rotary key part shared by all heads."""
    qk_nope_head_dim: rt.Positive
    """Width of the non-rotary key part per head."""
    v_head_dim: rt.Positive
    """Value width per head."""
    max_position_embeddings: rt.Positive = 4096
    """Longest sequence (already the rope-extended length)."""

    _count = rt.from_input("num_hidden_layers")

    def _num_kv_heads(self, i: int, kind: str, kinds: list[str]) -> int:
        return 1

    _k_head_dim = rt.from_input("kv_lora_rank")
    _v_head_dim = rt.from_input("qk_rope_head_dim")
    _max_length = rt.from_input("max_position_embeddings")

    @rt.reads("kv_lora_rank", "qk_rope_head_dim")
    def _mla_latent_dim(self) -> int | None:
        return self.kv_lora_rank + self.qk_rope_head_dim
