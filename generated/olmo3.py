# generated from schemas/olmo3.yaml by `make generate`; do not edit.
# kvarch-digest: render=44efb0c217a7f356 content=469df0e59272cba2
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
    """KV heads; null means one per query head (multi-head attention)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 2048
    """Longest sequence the positional encoding was trained for."""

    def _kind(self, i: int) -> str:
        return "sliding" if (i + 1) % 4 != 0 else "full"
