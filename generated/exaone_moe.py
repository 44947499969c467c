# generated from schemas/exaone_moe.yaml by `make generate`; do not edit.
# kvarch-digest: render=a70956eb8449f6ce content=07852be7fc7ce20b
from typing import ClassVar

from generated.exaone4 import Exaone4Config


class ExaoneMoeConfig(Exaone4Config, kw_only=True, dict=True):
    """EXAONE-MoE decoder (sliding layers with every 4th layer full; all full without a window)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("exaone_moe",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("ExaoneMoeForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/exaone_moe.yaml"
