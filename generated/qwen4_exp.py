# generated from schemas/qwen4_exp.yaml by `make generate`; do not edit.
# kvarch-digest: render=c545dd40446c2f49 content=d4b06a569c8e52f2
from typing import ClassVar

from generated.qwen4_exp_text import Qwen4ExpTextConfig


class Qwen4ExpConfig(Qwen4ExpTextConfig, frozen=True, kw_only=True, dict=True):
    """Qwen4-Exp vision-language model (text decoder under text_config)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("qwen4_exp",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Qwen4ExpForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/qwen4_exp.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
