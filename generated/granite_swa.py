# generated from schemas/granite_swa.yaml by `make generate`; do not edit.
# kvarch-digest: render=5b47dc78af86d4f6 content=ffd2d043f3788b6c
from typing import Annotated, ClassVar

from generated.ministral import MinistralConfig
from kvarch import schema_runtime as rt


class GraniteSwaConfig(MinistralConfig, frozen=True, kw_only=True, dict=True):
    """Granite SWA decoder (every 4th layer full from layer 0, the rest sliding)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("granite_swa",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GraniteSWAForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/granite_swa.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        24
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 20
    num_kv_heads: (
        Annotated[
            int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1, keep_null=True)
        ]
        | None
    ) = 4
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 2560
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 8192
    sliding_window: Annotated[int, rt.hf(ge=1, keep_null=True)] | None = 128
    """Tokens a sliding layer sees (transformers' default 128)."""

    def _kind(self, i: int) -> str:
        return "full" if i % 4 == 0 else "sliding"
