# generated from schemas/gemma4_unified_text.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=49fec563ba5004d5 content=d8b185b9601e4093
# ruff: noqa: E501
"""Gemma4UnifiedTextConfig: Gemma4 Unified text decoder (Gemma4 geometry; full layers use their own head dim)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.gemma4_text import Gemma4TextConfig
from kvarch import schema_runtime as rt


class Gemma4UnifiedTextConfig(Gemma4TextConfig, kw_only=True, dict=True):
    """Gemma4 Unified text decoder (Gemma4 geometry; full layers use their own head dim)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gemma4_unified_text",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Gemma4UnifiedForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/gemma4_unified_text.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        Gemma4TextConfig.INPUTS,
        rt.Input(
            "max_position_embeddings",
            ("max_position_embeddings",),
            "int",
            default=262144,
            minimum=1,
        ),
        rt.Input("sliding_window", ("sliding_window",), "int", default=1024, minimum=1),
        rt.Input(
            "use_bidirectional_attention", ("use_bidirectional_attention",), "str", default="vision"
        ),
    )

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 262144
    """Longest sequence the positional encoding was trained for."""

    sliding_window: Annotated[int, msgspec.Meta(ge=1)] = 1024
    """Tokens a sliding layer sees."""

    use_bidirectional_attention: str = "vision"
    """\"all\" (embedding use) narrows the window to sliding_window // 2 + 1."""
