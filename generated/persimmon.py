# generated from schemas/persimmon.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=4d9921ae6dfb40be content=469456b06900f55d
"""PersimmonConfig: Persimmon decoder (multi-head attention, head_dim = hidden_size / heads)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.gpt_neox import GptNeoxConfig
from kvarch import schema_runtime as rt


class PersimmonConfig(GptNeoxConfig, kw_only=True, dict=True):
    """Persimmon decoder (multi-head attention, head_dim = hidden_size / heads)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("persimmon",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("PersimmonForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/persimmon.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        GptNeoxConfig.INPUTS,
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=16384, minimum=1
        ),
    )

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 16384
    """Longest sequence the positional encoding covers."""
