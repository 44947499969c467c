# generated from schemas/qwen3_5_moe.yaml by `make generate`; do not edit.
# kvarch-digest: render=5485e43c1e58cadb content=bb39e6ca80efd105
from typing import ClassVar

from generated.qwen3_5_moe_text import Qwen35MoeTextConfig


class Qwen35MoeConfig(Qwen35MoeTextConfig, frozen=True, kw_only=True, dict=True):
    """Qwen3.5-MoE VLM (the Qwen3.5-MoE text decoder under text_config)."""

    SCHEMA: ClassVar[str] = "schemas/qwen3_5_moe.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
