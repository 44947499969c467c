# generated from schemas/qwen4_exp.yaml by `make generate`; do not edit.
# kvarch-digest: render=f8d4ee3fb5b615f4 content=160f12c2898cb6bf
from typing import ClassVar

from generated.qwen4_exp_text import Qwen4ExpTextConfig


class Qwen4ExpConfig(Qwen4ExpTextConfig, kw_only=True, dict=True):
    """Qwen4-Exp vision-language model (text decoder under text_config)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("qwen4_exp",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Qwen4ExpForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/qwen4_exp.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
