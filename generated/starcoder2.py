# generated from schemas/starcoder2.yaml by `make generate`; do not edit.
# kvarch-digest: render=05ad96968a2ec001 content=b83b21322bb203b6
from typing import Annotated, ClassVar

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class Starcoder2Config(MistralConfig, frozen=True, kw_only=True, dict=True):
    """StarCoder2 decoder (GQA; every layer sliding when sliding_window is set)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("starcoder2",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Starcoder2ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/starcoder2.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        30
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 24
    num_kv_heads: (
        Annotated[
            int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1, keep_null=True)
        ]
        | None
    ) = 2
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 3072
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 4096
