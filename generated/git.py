# generated from schemas/git.yaml by `make generate`; do not edit.
# kvarch-digest: render=d5a1b99f38985477 content=a9cba383e4ed055d
from typing import Annotated, ClassVar

from generated.gpt_neox import GptNeoxConfig
from kvarch import schema_runtime as rt


class GitConfig(GptNeoxConfig, frozen=True, kw_only=True, dict=True):
    """GIT text decoder (multi-head attention, head_dim = hidden_size / heads)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("git",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GitForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/git.yaml"

    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 1024
