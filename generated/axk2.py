# generated from schemas/axk2.yaml by `make generate`; do not edit.
# kvarch-digest: render=34f5a4c32975be58 content=a4d1354e1b5cef7e
from typing import Annotated, ClassVar

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class AXK2Config(DeepseekV3Config, frozen=True, kw_only=True, dict=True):
    """A.X-K2 decoder: MLA with a DSA indexer over every token (latent KV cache; the indexer keys
    are not in it)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("axk2",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("AXK2ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/axk2.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"
    KIND_NAMES = rt.kind_names({"indexed_attention": "full"})

    num_hidden_layers: Annotated[int, rt.hf(ge=1)] = 48
    """Decoder layers."""
    num_attention_heads: Annotated[int, rt.hf(ge=1)] = 32
    """Query heads."""
    kv_lora_rank: Annotated[int, rt.hf(ge=1)] = 128
    """Width of the compressed KV latent."""
    qk_rope_head_dim: Annotated[int, rt.hf(ge=1)] = 32
    """Width of the rotary key part shared by all heads."""
    qk_nope_head_dim: Annotated[int, rt.hf(ge=1)] = 64
    """Width of the non-rotary key part per head."""
    v_head_dim: Annotated[int, rt.hf(ge=1)] = 64
    """Value width per head."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 131072
    """Longest sequence (already the rope-extended length)."""
    layer_types: list[str] | None = None
    """Per-layer attention kind (indexed_attention attends over every cached token)."""
