# generated from schemas/moss_transcribe_diarize.yaml by `make generate`; do not edit.
# kvarch-digest: render=52a48b9a62bc2df7 content=e69d07b295fa3e5a
from typing import Annotated, ClassVar

from generated.qwen3 import Qwen3Config
from kvarch import schema_runtime as rt


class MossTranscribeDiarizeConfig(Qwen3Config, frozen=True, kw_only=True, dict=True):
    """MOSS transcribe-diarize (Qwen3 text decoder under text_config)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("moss_transcribe_diarize",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MossTranscribeDiarizeForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/moss_transcribe_diarize.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)

    num_kv_heads: (
        Annotated[
            int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1, keep_null=True)
        ]
        | None
    ) = 8
    """KV heads (absent -> the model's text default 8; null -> one per query head)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 131072
