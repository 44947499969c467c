# generated from schemas/biogpt.yaml by `make generate`; do not edit.
# kvarch-digest: render=ba81ab75742ab530 content=d4c9a2dec18a04e5
from typing import ClassVar

from generated.gpt_neox import GptNeoxConfig
from kvarch import schema_runtime as rt


class BiogptConfig(GptNeoxConfig, frozen=True, kw_only=True, dict=True):
    """BioGPT decoder (multi-head attention, learned positions)."""

    SCHEMA: ClassVar[str] = "schemas/biogpt.yaml"

    max_position_embeddings: rt.Positive = 1024
