# generated from schemas/glm.yaml by `make generate`; do not edit.
# kvarch-digest: render=e3a8c77264bad68a content=b1a5ee3398e8268c
from typing import ClassVar

from generated.glm4 import Glm4Config


class GlmConfig(Glm4Config, kw_only=True, dict=True):
    """GLM decoder (GQA, explicit head_dim, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("glm",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GlmForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/glm.yaml"
