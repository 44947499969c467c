# generated from schemas/inkling2_text.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=ca842d137d440372 content=c0b8ff1a622e7147
# ruff: noqa: E501
"""Inkling2TextConfig: Inkling 2 text decoder (hybrid conv+attention layers; sliding layers have their own KV geometry)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.inkling_text import InklingTextConfig
from kvarch import schema_runtime as rt


class Inkling2TextConfig(InklingTextConfig, kw_only=True, dict=True):
    """Inkling 2 text decoder (hybrid conv+attention layers; sliding layers have their own KV geometry)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("inkling2_text",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Inkling2ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/inkling2_text.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        InklingTextConfig.INPUTS,
        rt.Input("num_hidden_layers", ("num_hidden_layers",), "int", default=48, minimum=1),
        rt.Input("swa_num_kv_heads", ("swa_num_key_value_heads",), "int", default=8, minimum=1),
        rt.Input(
            "sliding_window_size",
            ("sliding_window_size", "sliding_window"),
            "int",
            default=1024,
            minimum=1,
        ),
        rt.Input(
            "max_position_embeddings",
            ("max_position_embeddings", "model_max_length"),
            "int",
            default=1048576,
            minimum=1,
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 48
    """Decoder layers."""

    swa_num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 8
    """KV heads of a sliding (hybrid_sliding) layer."""

    sliding_window_size: Annotated[int, msgspec.Meta(ge=1)] = 1024
    """Tokens a sliding layer sees."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 1048576
    """Longest sequence the positional encoding was trained for."""
