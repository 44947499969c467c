# generated from schemas/olmo3.yaml by `make generate`; do not edit.
# kvarch-digest: render=3717ea65c601a8b5 content=f6b47b09c34287d5
from typing import Annotated, ClassVar

from generated.ministral import MinistralConfig
from kvarch import schema_runtime as rt


class Olmo3Config(MinistralConfig, frozen=True, kw_only=True, dict=True):
    """OLMo3 decoder (every 4th layer full, the rest sliding)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("olmo3",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Olmo3ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/olmo3.yaml"

    num_kv_heads: (
        Annotated[
            int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1, keep_null=True)
        ]
        | None
    ) = None
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 2048

    def _kind(self, i: int) -> str:
        return "sliding" if (i + 1) % 4 != 0 else "full"
