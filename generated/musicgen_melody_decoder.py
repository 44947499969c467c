# generated from schemas/musicgen_melody_decoder.yaml by `make generate`; do not edit.
# kvarch-digest: render=ad9970fde3de1d1e content=ca317e39cc355df7
from typing import ClassVar

from generated.musicgen_melody import MusicgenMelodyConfig
from kvarch import schema_runtime as rt


class MusicgenMelodyDecoderConfig(MusicgenMelodyConfig, frozen=True, kw_only=True, dict=True):
    """MusicGen-Melody decoder on its own (full self-attention per token; no cross-attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("musicgen_melody_decoder",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MusicgenMelodyForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/musicgen_melody_decoder.yaml"
    ROOTS = rt.SchemaArchConfig.ROOTS
