# generated from schemas/moss_transcribe_diarize.yaml by `make generate`; do not edit.
# kvarch-digest: render=e3963ced88e99763 content=55aed53322e7bf29
from typing import ClassVar

from generated.qwen3 import Qwen3Config


class MossTranscribeDiarizeConfig(Qwen3Config, frozen=True, kw_only=True, dict=True):
    """MOSS transcribe-diarize (Qwen3 text decoder under text_config)."""

    SCHEMA: ClassVar[str] = "schemas/moss_transcribe_diarize.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
