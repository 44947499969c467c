# generated from schemas/biogpt.yaml by `make generate`; do not edit.
# kvarch-digest: render=b459899bc7c2df77 content=a56cd31404695ad9
from typing import Annotated, ClassVar

from generated.gpt_neox import GptNeoxConfig
from kvarch import schema_runtime as rt


class BiogptConfig(GptNeoxConfig, frozen=True, kw_only=True, dict=True):
    """BioGPT decoder (multi-head attention, learned positions)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("biogpt",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("BioGptForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/biogpt.yaml"

    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 1024
