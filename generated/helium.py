# generated from schemas/helium.yaml by `make generate`; do not edit.
# kvarch-digest: render=6cfe2ebdd10e0ee9 content=5e959952dec722d6
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class HeliumConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Helium decoder (explicit head_dim, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("helium",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("HeliumForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/helium.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        24
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 20
    num_kv_heads: (
        Annotated[
            int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1, keep_null=True)
        ]
        | None
    ) = 20
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 2560
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1, keep_null=True)] | None = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 4096
