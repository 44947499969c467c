# generated from schemas/granite_swa.yaml by `make generate`; do not edit.
# kvarch-digest: render=2395757edb69ee80 content=2b09d93a1e323b8b
from typing import Annotated, ClassVar

from generated.ministral import MinistralConfig
from kvarch import schema_runtime as rt


class GraniteSwaConfig(MinistralConfig, frozen=True, kw_only=True, dict=True):
    """Granite SWA decoder (every 4th layer full from layer 0, the rest sliding)."""

    SCHEMA: ClassVar[str] = "schemas/granite_swa.yaml"

    num_hidden_layers: rt.Layers = 24
    num_attention_heads: rt.Heads = 20
    num_kv_heads: rt.KvHeadsOrNull | None = 4
    hidden_size: rt.Width = 2560
    max_position_embeddings: rt.Positive = 8192
    sliding_window: Annotated[int, rt.hf(ge=1, keep_null=True)] | None = 128
    """Tokens a sliding layer sees (transformers' default 128)."""

    def _kind(self, i: int) -> str:
        return "full" if i % 4 == 0 else "sliding"
