# generated from schemas/ernie4_5.yaml by `make generate`; do not edit.
# kvarch-digest: render=27f64263042ce341 content=4f26710ce011ce65
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Ernie45Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """ERNIE 4.5 dense decoder (Llama geometry, explicit head_dim)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("ernie4_5",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Ernie4_5ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/ernie4_5.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        18
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 16
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 2
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 1024
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 131072
