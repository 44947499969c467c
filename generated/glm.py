# generated from schemas/glm.yaml by `make generate`; do not edit.
# kvarch-digest: render=40df25a2ff3c3405 content=82a9f2edf0a83329
from typing import ClassVar

from generated.glm4 import Glm4Config


class GlmConfig(Glm4Config, frozen=True, kw_only=True, dict=True):
    """GLM decoder (GQA, explicit head_dim, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("glm",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GlmForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/glm.yaml"
