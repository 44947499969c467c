# generated from schemas/got_ocr2.yaml by `make generate`; do not edit.
# kvarch-digest: render=47dc409e186f45d8 content=6a70ad8b761717b0
from typing import ClassVar

from generated.qwen2 import Qwen2Config


class GotOcr2Config(Qwen2Config, frozen=True, kw_only=True, dict=True):
    """GOT-OCR2 (Qwen2 text decoder under text_config)."""

    SCHEMA: ClassVar[str] = "schemas/got_ocr2.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
