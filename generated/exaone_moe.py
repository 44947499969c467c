# generated from schemas/exaone_moe.yaml by `make generate`; do not edit.
# kvarch-digest: render=cd00368b06a4cfa6 content=f0a514d2b398f208
"""ExaoneMoeConfig: EXAONE-MoE decoder (sliding layers with every 4th layer full; all full
without a window)."""

from __future__ import annotations

from typing import ClassVar

from generated.exaone4 import Exaone4Config


class ExaoneMoeConfig(Exaone4Config, kw_only=True, dict=True):
    """EXAONE-MoE decoder (sliding layers with every 4th layer full; all full without a window)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("exaone_moe",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("ExaoneMoeForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/exaone_moe.yaml"
