# generated from schemas/olmo3.yaml by `make generate`; do not edit.
# kvarch-digest: render=7136b369269613a2 content=b854a81cb6e9ee44
from typing import ClassVar

from generated.ministral import MinistralConfig
from kvarch import schema_runtime as rt


class Olmo3Config(MinistralConfig, frozen=True, kw_only=True, dict=True):
    """OLMo3 decoder (every 4th layer full, the rest sliding)."""

    SCHEMA: ClassVar[str] = "schemas/olmo3.yaml"

    num_kv_heads: rt.KvHeadsOrNull | None = None
    max_position_embeddings: rt.Positive = 2048

    def _kind(self, i: int) -> str:
        return "sliding" if (i + 1) % 4 != 0 else "full"
