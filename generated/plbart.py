# generated from schemas/plbart.yaml by `make generate`; do not edit.
# kvarch-digest: render=2640f42a554c7401 content=46cbb52a2ddb7e31
from typing import ClassVar

from generated.bart import BartConfig
from kvarch import schema_runtime as rt


class PLBartConfig(BartConfig, frozen=True, kw_only=True, dict=True):
    """PLBart decoder (BART's cache: full self-attention per token, cross-attention K/V per
    sequence)."""

    SCHEMA: ClassVar[str] = "schemas/plbart.yaml"

    decoder_layers: rt.Positive = 6
    decoder_attention_heads: rt.Positive = 12
    d_model: rt.Positive = 768
