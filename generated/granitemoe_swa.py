# generated from schemas/granitemoe_swa.yaml by `make generate`; do not edit.
# kvarch-digest: render=f5d0bfeb8901d6eb content=8c26e7b6029cdf6e
from typing import ClassVar

from generated.granite_swa import GraniteSwaConfig
from kvarch import schema_runtime as rt


class GraniteMoeSwaConfig(GraniteSwaConfig, frozen=True, kw_only=True, dict=True):
    """Granite-MoE SWA decoder (every 4th layer full from layer 0, the rest sliding)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("granitemoe_swa",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GraniteMoeSWAForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/granitemoe_swa.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    num_kv_heads: rt.KvHeadsOrNull | None = None
    hidden_size: rt.Width = 4096
    max_position_embeddings: rt.Positive = 2048
