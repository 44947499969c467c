# generated from schemas/bitnet.yaml by `make generate`; do not edit.
# kvarch-digest: render=d670369606cef203 content=aba943b3da73031f
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class BitNetConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """BitNet decoder (ternary weights; Llama geometry, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("bitnet",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("BitNetForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/bitnet.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        30
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 20
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 5
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 2560
