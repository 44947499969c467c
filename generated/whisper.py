# generated from schemas/whisper.yaml by `make generate`; do not edit.
# kvarch-digest: render=92b709d4b18ea278 content=1c08108fec08420b
from typing import Annotated, ClassVar

from generated.bart import BartConfig
from kvarch import schema_runtime as rt


class WhisperConfig(BartConfig, frozen=True, kw_only=True, dict=True):
    """Whisper decoder (full self-attention per token; cross-attention K/V of the audio encoder's
    frames per sequence)."""

    SCHEMA: ClassVar[str] = "schemas/whisper.yaml"

    decoder_layers: rt.Positive = 4
    decoder_attention_heads: rt.Positive = 6
    d_model: rt.Positive = 384
    max_position_embeddings: Annotated[int, rt.hf("max_target_positions", ge=1)] = 448
    """Longest token sequence the decoder's positions cover (max_target_positions)."""
    max_source_positions: rt.Positive = 1500
    """Audio frames the encoder emits at most (its positions)."""

    _encoder_len = rt.from_input("max_source_positions")
