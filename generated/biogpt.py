# generated from schemas/biogpt.yaml by `make generate`; do not edit.
# kvarch-digest: render=d1c02b4b08f72e90 content=b1dec2882660da04
from typing import ClassVar

from generated.gpt_neox import GptNeoxConfig
from kvarch import schema_runtime as rt


class BiogptConfig(GptNeoxConfig, frozen=True, kw_only=True, dict=True):
    """BioGPT decoder (multi-head attention, learned positions)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("biogpt",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("BioGptForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/biogpt.yaml"

    max_position_embeddings: rt.Positive = 1024
