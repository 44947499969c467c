# generated from schemas/gptj.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=2bc5dc6133b39171 content=6178f2f26e2d02fd
"""GptjConfig: GPT-J decoder (multi-head attention, head_dim = n_embd / n_head)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.gpt2 import Gpt2Config
from kvarch import schema_runtime as rt


class GptjConfig(Gpt2Config, kw_only=True, dict=True):
    """GPT-J decoder (multi-head attention, head_dim = n_embd / n_head)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gptj",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GPTJForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/gptj.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        Gpt2Config.INPUTS,
        rt.Input(
            "max_position_embeddings",
            ("n_positions", "max_position_embeddings"),
            "int",
            default=2048,
            minimum=1,
        ),
    )

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 2048
    """Longest sequence the positional encoding covers."""
