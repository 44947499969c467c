# generated from schemas/deepseek_v3.yaml by `make generate`; do not edit.
# kvarch-digest: render=67e94ac0ba8934b4 content=dd8f0a5c6800fa5b
from typing import ClassVar

from kvarch import schema_runtime as rt


class DeepseekV3Config(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """DeepSeek-V3 decoder with multi-head latent attention (latent KV cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("deepseek_v3",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("DeepseekV3ForCausalLM",)
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

    @rt.reads("num_hidden_layers")
    def _count(self) -> int:
        return self.num_hidden_layers

    def _num_kv_heads(self, i: int, kind: str, kinds: list[str]) -> int:
        return 1

    @rt.reads("kv_lora_rank")
    def _k_head_dim(self, i: int, kind: str, kinds: list[str]) -> int:
        return self.kv_lora_rank

    @rt.reads("qk_rope_head_dim")
    def _v_head_dim(self, i: int, kind: str, kinds: list[str]) -> int:
        return self.qk_rope_head_dim

    @rt.reads("max_position_embeddings")
    def _max_length(self) -> int | None:
        return self.max_position_embeddings

    @rt.reads("kv_lora_rank", "qk_rope_head_dim")
    def _mla_latent_dim(self) -> int | None:
        return self.kv_lora_rank + self.qk_rope_head_dim
