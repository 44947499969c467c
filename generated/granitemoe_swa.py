# generated from schemas/granitemoe_swa.yaml by `make generate`; do not edit.
# kvarch-digest: render=293e20ad8f07baca content=982350bb186d9025
from typing import ClassVar

from generated.granite_swa import GraniteSwaConfig
from kvarch import schema_runtime as rt


class GraniteMoeSwaConfig(GraniteSwaConfig, frozen=True, kw_only=True, dict=True):
    """Granite-MoE SWA decoder (every 4th layer full from layer 0, the rest sliding)."""

    SCHEMA: ClassVar[str] = "schemas/granitemoe_swa.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    num_kv_heads: rt.KvHeadsOrNull | None = None
    hidden_size: rt.Width = 4096
    max_position_embeddings: rt.Positive = 2048
