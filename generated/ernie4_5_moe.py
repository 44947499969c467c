# generated from schemas/ernie4_5_moe.yaml by `make generate`; do not edit.
# kvarch-digest: render=63447808a436ae2c content=ad65acf6b359873a
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Ernie45MoeConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """ERNIE 4.5 MoE decoder (Llama geometry, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("ernie4_5_moe",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Ernie4_5_MoeForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/ernie4_5_moe.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        28
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 20
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 4
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 2560
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 131072
