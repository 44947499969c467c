# generated from schemas/blenderbot.yaml by `make generate`; do not edit.
# kvarch-digest: render=b70f08416a9af8a3 content=8fb4ccc91bfc3c01
from typing import ClassVar

from generated.bart import BartConfig
from kvarch import schema_runtime as rt


class BlenderbotConfig(BartConfig, frozen=True, kw_only=True, dict=True):
    """Blenderbot decoder (BART's cache: full self-attention per token, cross-attention K/V per
    sequence)."""

    SCHEMA: ClassVar[str] = "schemas/blenderbot.yaml"

    decoder_layers: rt.Positive = 24
    decoder_attention_heads: rt.Positive = 32
    d_model: rt.Positive = 2560
    max_position_embeddings: rt.Positive = 128
