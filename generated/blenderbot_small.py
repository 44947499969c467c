# generated from schemas/blenderbot_small.yaml by `make generate`; do not edit.
# kvarch-digest: render=9ed58ed184f13815 content=b507476a1485a1f5
from typing import ClassVar

from generated.bart import BartConfig
from kvarch import schema_runtime as rt


class BlenderbotSmallConfig(BartConfig, frozen=True, kw_only=True, dict=True):
    """Blenderbot-small decoder (BART's cache: full self-attention per token, cross-attention K/V
    per sequence)."""

    SCHEMA: ClassVar[str] = "schemas/blenderbot_small.yaml"

    decoder_layers: rt.Positive = 8
    d_model: rt.Positive = 512
    max_position_embeddings: rt.Positive = 512
