# generated from schemas/exaone_moe.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=739b094cec8291ff content=3caf5b3a5eb8da51
# ruff: noqa: E501
"""ExaoneMoeConfig: EXAONE-MoE decoder (sliding layers with every 4th layer full; all full without a window)."""

from __future__ import annotations

from typing import ClassVar

from generated.exaone4 import Exaone4Config


class ExaoneMoeConfig(Exaone4Config, kw_only=True, dict=True):
    """EXAONE-MoE decoder (sliding layers with every 4th layer full; all full without a window)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("exaone_moe",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("ExaoneMoeForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/exaone_moe.yaml"
