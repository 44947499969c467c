# generated from schemas/qwen4_exp.yaml by `make generate`; do not edit.
# kvarch-digest: render=9d912f7d9788574f content=2688b9b3b2fac53b
from typing import ClassVar

from generated.qwen4_exp_text import Qwen4ExpTextConfig


class Qwen4ExpConfig(Qwen4ExpTextConfig, frozen=True, kw_only=True, dict=True):
    """Qwen4-Exp vision-language model (text decoder under text_config)."""

    SCHEMA: ClassVar[str] = "schemas/qwen4_exp.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
