# generated from schemas/glm.yaml by `make generate`; do not edit.
# kvarch-digest: render=57d8e1c2d3a3554c content=4b499e8994561956
from typing import ClassVar

from generated.glm4 import Glm4Config


class GlmConfig(Glm4Config, frozen=True, kw_only=True, dict=True):
    """GLM decoder (GQA, explicit head_dim, every layer full attention)."""

    SCHEMA: ClassVar[str] = "schemas/glm.yaml"
