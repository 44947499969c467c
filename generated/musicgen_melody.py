# generated from schemas/musicgen_melody.yaml by `make generate`; do not edit.
# kvarch-digest: render=cbec27f831be08f5 content=b826a25e2f0019e4
from typing import ClassVar

from generated.musicgen import MusicgenConfig
from kvarch import schema_runtime as rt


class MusicgenMelodyConfig(MusicgenConfig, frozen=True, kw_only=True, dict=True):
    """MusicGen-Melody decoder (full self-attention per token, conditioning included; no cross-
    attention)."""

    SCHEMA: ClassVar[str] = "schemas/musicgen_melody.yaml"

    @rt.reads("hidden_size", "num_attention_heads")
    def _cross(self, i: int, kind: str, kinds: list[str]) -> rt.CrossKV | None:
        return rt.cross(
            self._n,
            i,
            0,
            self.hidden_size // self.num_attention_heads,
            self.hidden_size // self.num_attention_heads,
        )
