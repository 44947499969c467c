# generated from schemas/biogpt.yaml by `make generate`; do not edit.
# kvarch-digest: render=a4e48d25a79545c1 content=f9bf6df5929c1830
from typing import Annotated, ClassVar

from generated.gpt_neox import GptNeoxConfig
from kvarch import schema_runtime as rt


class BiogptConfig(GptNeoxConfig, frozen=True, kw_only=True, dict=True):
    """BioGPT decoder (multi-head attention, learned positions)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("biogpt",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("BioGptForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/biogpt.yaml"

    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 1024
    """Longest sequence the positional encoding covers."""
