# generated from schemas/exaone_moe.yaml by `make generate`; do not edit.
# kvarch-digest: render=5d09decb8edc450b content=70ec4b65f03a4f54
from typing import ClassVar

from generated.exaone4 import Exaone4Config


class ExaoneMoeConfig(Exaone4Config, frozen=True, kw_only=True, dict=True):
    """EXAONE-MoE decoder (sliding layers with every 4th layer full; all full without a window)."""

    SCHEMA: ClassVar[str] = "schemas/exaone_moe.yaml"
