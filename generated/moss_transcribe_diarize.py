# generated from schemas/moss_transcribe_diarize.yaml by `make generate`; do not edit.
# kvarch-digest: render=baaa528869d9a4b2 content=e202211f64030467
from typing import ClassVar

from generated.qwen3 import Qwen3Config
from kvarch import schema_runtime as rt


class MossTranscribeDiarizeConfig(Qwen3Config, frozen=True, kw_only=True, dict=True):
    """MOSS transcribe-diarize (Qwen3 text decoder under text_config)."""

    SCHEMA: ClassVar[str] = "schemas/moss_transcribe_diarize.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)

    num_kv_heads: rt.KvHeadsOrNull | None = 8
    """KV heads (absent -> the model's text default 8; null -> one per query head)."""
    max_position_embeddings: rt.Positive = 131072
