# generated from schemas/git.yaml by `make generate`; do not edit.
# kvarch-digest: render=1f43d55c707623d1 content=a2d00e6aa044756f
from typing import ClassVar

from generated.gpt_neox import GptNeoxConfig
from kvarch import schema_runtime as rt


class GitConfig(GptNeoxConfig, frozen=True, kw_only=True, dict=True):
    """GIT text decoder (multi-head attention, head_dim = hidden_size / heads)."""

    SCHEMA: ClassVar[str] = "schemas/git.yaml"

    max_position_embeddings: rt.Positive = 1024
