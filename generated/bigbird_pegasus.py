# generated from schemas/bigbird_pegasus.yaml by `make generate`; do not edit.
# kvarch-digest: render=a2a3bf401743b02d content=506020d924ef9d83
from typing import ClassVar

from generated.bart import BartConfig
from kvarch import schema_runtime as rt


class BigBirdPegasusConfig(BartConfig, frozen=True, kw_only=True, dict=True):
    """BigBird-Pegasus decoder (full self-attention per token, cross-attention K/V per sequence;
    block-sparse attention is the encoder's only)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("bigbird_pegasus",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = (
        "BigBirdPegasusForCausalLM",
        "BigBirdPegasusForConditionalGeneration",
    )
    SCHEMA: ClassVar[str] = "schemas/bigbird_pegasus.yaml"

    decoder_layers: rt.Positive = 16
    max_position_embeddings: rt.Positive = 4096
