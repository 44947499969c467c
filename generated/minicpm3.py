# generated from schemas/minicpm3.yaml by `make generate`; do not edit.
# kvarch-digest: render=d268defc0e4d9628 content=d304bb831a0c00ee
from typing import Annotated, ClassVar

from kvarch import schema_runtime as rt


class MiniCPM3Config(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """MiniCPM3 decoder with multi-head latent attention (latent KV cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("minicpm3",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MiniCPM3ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/minicpm3.yaml"

    num_hidden_layers: Annotated[int, rt.hf(ge=1)] = 62
    """Decoder layers."""
    num_attention_heads: Annotated[int, rt.hf(ge=1)] = 40
    """Query heads."""
    kv_lora_rank: Annotated[int, rt.hf(ge=1)] = 256
    """Width of the compressed KV latent."""
    qk_rope_head_dim: Annotated[int, rt.hf(ge=1)] = 32
    """Width of the rotary key part shared by all heads."""
    qk_nope_head_dim: Annotated[int, rt.hf(ge=1)] = 64
    """Width of the non-rotary key part per head."""
    v_head_dim: Annotated[int, rt.hf(ge=1)] | None = None
    """Value width per head (null means hidden_size / num_attention_heads)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 32768
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
