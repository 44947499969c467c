# generated from schemas/git.yaml by `make generate`; do not edit.
# kvarch-digest: render=ccf5eec21e15a7c4 content=5ecbe13efe148042
from typing import ClassVar

from generated.gpt_neox import GptNeoxConfig
from kvarch import schema_runtime as rt


class GitConfig(GptNeoxConfig, frozen=True, kw_only=True, dict=True):
    """GIT text decoder (multi-head attention, head_dim = hidden_size / heads)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("git",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GitForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/git.yaml"

    max_position_embeddings: rt.Positive = 1024
