# generated from schemas/longcat_flash.yaml by `make generate`; do not edit.
# kvarch-digest: render=0c9fd41676205b5c content=78c7dbe2e0168199
from typing import Annotated, ClassVar

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class LongcatFlashConfig(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """LongCat-Flash decoder: each of num_layers blocks holds two MLA sublayers, each with its
    own latent cache."""

    SCHEMA: ClassVar[str] = "schemas/longcat_flash.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_layers", ge=1)] | None = None
    """Decoder blocks (num_layers); each holds two attention sublayers."""
    num_attention_heads: rt.Positive = 64
    """Query heads."""
    kv_lora_rank: rt.Positive = 512
    """Width of the compressed KV latent."""
    qk_rope_head_dim: rt.Positive = 64
    """Width of the rotary key part shared by all heads."""
    qk_nope_head_dim: rt.Positive = 128
    """Width of the non-rotary key part per head."""
    v_head_dim: rt.Positive = 128
    """Value width per head."""
    max_position_embeddings: rt.Positive = 131072
    """Longest sequence (already the rope-extended length)."""
    attention_sublayers: Annotated[int, rt.hf("num_hidden_layers", ge=2)] | None = None
    """Attention sublayers (2 x num_layers), when the config gives this instead."""

    _num_kv_heads = DeepseekV3Config._num_kv_heads
    _k_head_dim = DeepseekV3Config._k_head_dim
    _v_head_dim = DeepseekV3Config._v_head_dim
    _max_length = DeepseekV3Config._max_length
    _mla_latent_dim = DeepseekV3Config._mla_latent_dim

    @property
    def cache_layers(self) -> int:
        """Attention sublayers, each with its own latent cache (2 per block; default 28 blocks)."""
        return (
            2 * rt.coalesce(self.num_hidden_layers, 0)
            if self.num_hidden_layers is not None
            else rt.coalesce(self.attention_sublayers, 56) // 2 * 2
        )

    _count = rt.from_derived("cache_layers", "num_hidden_layers", "attention_sublayers")
