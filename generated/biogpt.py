# generated from schemas/biogpt.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=69ddbff0588cd704 content=ab6fbc90156b9514
"""BiogptConfig: BioGPT decoder (multi-head attention, learned positions)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.gpt_neox import GptNeoxConfig
from kvarch import schema_runtime as rt


class BiogptConfig(GptNeoxConfig, kw_only=True, dict=True):
    """BioGPT decoder (multi-head attention, learned positions)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("biogpt",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("BioGptForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/biogpt.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        GptNeoxConfig.INPUTS,
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=1024, minimum=1
        ),
    )

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 1024
    """Longest sequence the positional encoding covers."""
