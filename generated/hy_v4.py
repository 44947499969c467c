# generated from schemas/hy_v4.yaml by `make generate`; do not edit.
# kvarch-digest: render=fc1f6c9865ab654d content=dba7f07945a1e313
from typing import Annotated, ClassVar

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class HYV4Config(DeepseekV3Config, frozen=True, kw_only=True, dict=True):
    """HY-V4 decoder: MLA with a DSA indexer and attention sinks (latent KV cache; indexer keys
    not in it)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("hy_v4",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("HYV4ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/hy_v4.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"
    KIND_NAMES = rt.kind_names({"indexed_attention": "full"})

    num_hidden_layers: Annotated[int, rt.hf(ge=1)] = 34
    num_attention_heads: Annotated[int, rt.hf(ge=1)] = 32
    kv_lora_rank: Annotated[int, rt.hf(ge=1)] = 512
    qk_rope_head_dim: Annotated[int, rt.hf(ge=1)] = 64
    qk_nope_head_dim: Annotated[int, rt.hf(ge=1)] = 192
    v_head_dim: Annotated[int, rt.hf(ge=1)] = 256
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 262144
    layer_types: list[str] | None = None
    """Per-layer attention kind (indexed_attention attends over every cached token)."""
