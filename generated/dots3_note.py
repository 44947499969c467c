# generated from schemas/dots3_note.yaml by `make generate`; do not edit.
# kvarch-digest: render=d88624648f7a76ec content=599b52e67c621e98
from typing import ClassVar

from generated.dots3_note_text import Dots3NoteTextConfig


class Dots3NoteConfig(Dots3NoteTextConfig, frozen=True, kw_only=True, dict=True):
    """Dots3Note multimodal model (its text decoder's cache)."""

    SCHEMA: ClassVar[str] = "schemas/dots3_note.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
