# generated from schemas/granitemoe_swa.yaml by `make generate`; do not edit.
# kvarch-digest: render=05d2bbb6a39d0e23 content=40da785b9341f42e
from typing import Annotated, ClassVar

from generated.granite_swa import GraniteSwaConfig
from kvarch import schema_runtime as rt


class GraniteMoeSwaConfig(GraniteSwaConfig, frozen=True, kw_only=True, dict=True):
    """Granite-MoE SWA decoder (every 4th layer full from layer 0, the rest sliding)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("granitemoe_swa",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GraniteMoeSWAForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/granitemoe_swa.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        32
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 32
    num_kv_heads: (
        Annotated[
            int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1, keep_null=True)
        ]
        | None
    ) = None
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 4096
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 2048
