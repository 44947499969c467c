# generated from schemas/bailing_hybrid.yaml by `make generate`; do not edit.
# kvarch-digest: render=52acc7fbcf1319f2 content=ee1d61b0ed18834a
from typing import Annotated, ClassVar

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class BailingHybridConfig(DeepseekV3Config, frozen=True, kw_only=True, dict=True):
    """Bailing-Hybrid decoder (linear-attention layers keep no KV; MLA every 6th layer)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("bailing_hybrid",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("BailingHybridForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/bailing_hybrid.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: rt.Positive = 42
    num_attention_heads: rt.Positive = 32
    kv_lora_rank: rt.Positive = 512
    qk_rope_head_dim: rt.Positive = 64
    qk_nope_head_dim: rt.Positive = 128
    v_head_dim: rt.Positive = 128
    max_position_embeddings: Annotated[
        int, rt.hf("model_max_length", "max_position_embeddings", ge=1)
    ] = 262144
    """Longest sequence (the config stores it as model_max_length)."""
    layer_types: list[str] | None = None
    """Per-layer kind (linear_attention / full_attention)."""
    layer_group_size: rt.Positive = 6
    """Without layer_types, every this-many-th layer is MLA."""

    @rt.reads("layer_group_size")
    def _kind(self, i: int) -> str:
        return "full" if (i + 1) % self.layer_group_size == 0 else "none"
