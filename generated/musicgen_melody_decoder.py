# generated from schemas/musicgen_melody_decoder.yaml by `make generate`; do not edit.
# kvarch-digest: render=77bbcbb19a37f3bc content=407c04f0b78e6df8
from typing import ClassVar

from generated.musicgen_melody import MusicgenMelodyConfig
from kvarch import schema_runtime as rt


class MusicgenMelodyDecoderConfig(MusicgenMelodyConfig, frozen=True, kw_only=True, dict=True):
    """MusicGen-Melody decoder on its own (full self-attention per token; no cross-attention)."""

    SCHEMA: ClassVar[str] = "schemas/musicgen_melody_decoder.yaml"
    ROOTS = rt.SchemaArchConfig.ROOTS
