# generated from schemas/musicgen_decoder.yaml by `make generate`; do not edit.
# kvarch-digest: render=008508e73a2ac7f8 content=0e400da134e450dc
from typing import ClassVar

from generated.musicgen import MusicgenConfig
from kvarch import schema_runtime as rt


class MusicgenDecoderConfig(MusicgenConfig, frozen=True, kw_only=True, dict=True):
    """MusicGen decoder on its own (full self-attention per token; cross-attention K/V per
    sequence)."""

    SCHEMA: ClassVar[str] = "schemas/musicgen_decoder.yaml"
    ROOTS = rt.SchemaArchConfig.ROOTS
