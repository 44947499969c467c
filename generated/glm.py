# generated from schemas/glm.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=b660528aff3c4df1 content=b9c60e99e4f89b67
"""GlmConfig: GLM decoder (GQA, explicit head_dim, every layer full attention)."""

from __future__ import annotations

from typing import ClassVar

from generated.glm4 import Glm4Config


class GlmConfig(Glm4Config, kw_only=True, dict=True):
    """GLM decoder (GQA, explicit head_dim, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("glm",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GlmForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/glm.yaml"
