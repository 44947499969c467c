# generated from schemas/cohere2.yaml by `make generate`; do not edit.
# kvarch-digest: render=6cb7f971c8093756 content=8d9c6d49686eb787
from typing import Annotated, ClassVar

from generated.ministral import MinistralConfig
from kvarch import schema_runtime as rt


class Cohere2Config(MinistralConfig, frozen=True, kw_only=True, dict=True):
    """Cohere2 decoder (sliding layers with every 4th layer full)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("cohere2",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Cohere2ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/cohere2.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        40
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 64
    num_kv_heads: (
        Annotated[
            int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1, keep_null=True)
        ]
        | None
    ) = None
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 8192
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 8192
    sliding_window_pattern: Annotated[int, rt.hf(ge=1)] = 4
    """Every this-many-th layer is full attention (older configs; layer_types wins)."""

    @rt.reads("sliding_window_pattern")
    def _kind(self, i: int) -> str:
        return "sliding" if (i + 1) % self.sliding_window_pattern != 0 else "full"
