# generated from schemas/musicgen_melody.yaml by `make generate`; do not edit.
# kvarch-digest: render=c1847e4693531213 content=027aa1961e0a7841
from typing import ClassVar

from generated.musicgen import MusicgenConfig
from kvarch import schema_runtime as rt


class MusicgenMelodyConfig(MusicgenConfig, frozen=True, kw_only=True, dict=True):
    """MusicGen-Melody decoder (full self-attention per token, conditioning included; no cross-
    attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("musicgen_melody",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MusicgenMelodyForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/musicgen_melody.yaml"

    @rt.reads("hidden_size", "num_attention_heads")
    def _cross(self, i: int, kind: str, kinds: list[str]) -> rt.CrossKV | None:
        return rt.cross(self._n, i, 0, self.attn_head_dim, self.attn_head_dim)
