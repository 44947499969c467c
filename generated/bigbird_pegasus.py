# generated from schemas/bigbird_pegasus.yaml by `make generate`; do not edit.
# kvarch-digest: render=549a63ca6ab378b3 content=93b313c20ad2a420
from typing import ClassVar

from generated.bart import BartConfig
from kvarch import schema_runtime as rt


class BigBirdPegasusConfig(BartConfig, frozen=True, kw_only=True, dict=True):
    """BigBird-Pegasus decoder (full self-attention per token, cross-attention K/V per sequence;
    block-sparse attention is the encoder's only)."""

    SCHEMA: ClassVar[str] = "schemas/bigbird_pegasus.yaml"

    decoder_layers: rt.Positive = 16
    max_position_embeddings: rt.Positive = 4096
