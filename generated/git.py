# generated from schemas/git.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=949014b0ea6c896f content=da3cd4784fa43a5a
"""GitConfig: GIT text decoder (multi-head attention, head_dim = hidden_size / heads)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.gpt_neox import GptNeoxConfig
from kvarch import schema_runtime as rt


class GitConfig(GptNeoxConfig, kw_only=True, dict=True):
    """GIT text decoder (multi-head attention, head_dim = hidden_size / heads)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("git",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GitForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/git.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        GptNeoxConfig.INPUTS,
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=1024, minimum=1
        ),
    )

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 1024
    """Longest sequence the positional encoding covers."""
