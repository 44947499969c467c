# generated from schemas/git.yaml by `make generate`; do not edit.
# kvarch-digest: render=a14ed371df128833 content=e894768b84b7cb16
from typing import Annotated, ClassVar

from generated.gpt_neox import GptNeoxConfig
from kvarch import schema_runtime as rt


class GitConfig(GptNeoxConfig, frozen=True, kw_only=True, dict=True):
    """GIT text decoder (multi-head attention, head_dim = hidden_size / heads)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("git",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GitForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/git.yaml"

    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 1024
    """Longest sequence the positional encoding covers."""
