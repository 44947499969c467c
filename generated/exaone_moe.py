# generated from schemas/exaone_moe.yaml by `make generate`; do not edit.
# kvarch-digest: render=a773d4b7a01b0c89 content=1c4a035bb1adf372
from typing import ClassVar

from generated.exaone4 import Exaone4Config


class ExaoneMoeConfig(Exaone4Config, frozen=True, kw_only=True, dict=True):
    """EXAONE-MoE decoder (sliding layers with every 4th layer full; all full without a window)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("exaone_moe",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("ExaoneMoeForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/exaone_moe.yaml"
