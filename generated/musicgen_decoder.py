# generated from schemas/musicgen_decoder.yaml by `make generate`; do not edit.
# kvarch-digest: render=0f76d2af8b30dd7a content=0caa5ae3292975c0
from typing import ClassVar

from generated.musicgen import MusicgenConfig
from kvarch import schema_runtime as rt


class MusicgenDecoderConfig(MusicgenConfig, frozen=True, kw_only=True, dict=True):
    """MusicGen decoder on its own (full self-attention per token; cross-attention K/V per
    sequence)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("musicgen_decoder",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MusicgenForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/musicgen_decoder.yaml"
    ROOTS = rt.SchemaArchConfig.ROOTS
