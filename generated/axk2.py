# generated from schemas/axk2.yaml by `make generate`; do not edit.
# kvarch-digest: render=985ccf95133f0af1 content=8c3c70c4d251698b
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
    num_attention_heads: Annotated[int, rt.hf(ge=1)] = 32
    kv_lora_rank: Annotated[int, rt.hf(ge=1)] = 128
    qk_rope_head_dim: Annotated[int, rt.hf(ge=1)] = 32
    qk_nope_head_dim: Annotated[int, rt.hf(ge=1)] = 64
    v_head_dim: Annotated[int, rt.hf(ge=1)] = 64
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 131072
    layer_types: list[str] | None = None
    """Per-layer attention kind (indexed_attention attends over every cached token)."""
