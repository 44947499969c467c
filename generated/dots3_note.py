# generated from schemas/dots3_note.yaml by `make generate`; do not edit.
# kvarch-digest: render=d5253b98df88821c content=b7acfe80ec3b8ed7
from typing import ClassVar

from generated.dots3_note_text import Dots3NoteTextConfig


class Dots3NoteConfig(Dots3NoteTextConfig, frozen=True, kw_only=True, dict=True):
    """Dots3Note multimodal model (its text decoder's cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("dots3_note",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Dots3NoteForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/dots3_note.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
