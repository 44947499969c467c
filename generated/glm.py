# generated from schemas/glm.yaml by `make generate`; do not edit.
# kvarch-digest: render=1b310695a522612f content=c0eb4609a141fa84
"""GlmConfig: GLM decoder (GQA, explicit head_dim, every layer full attention)."""

from __future__ import annotations

from typing import ClassVar

from generated.glm4 import Glm4Config


class GlmConfig(Glm4Config, kw_only=True, dict=True):
    """GLM decoder (GQA, explicit head_dim, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("glm",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GlmForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/glm.yaml"
