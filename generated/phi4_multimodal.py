# generated from schemas/phi4_multimodal.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=ca64f1817136ae6b content=8031f0fa9e37b10a
# ruff: noqa: E501
"""Phi4MultimodalConfig: Phi-4-multimodal decoder (GQA; every layer sliding when sliding_window is set)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class Phi4MultimodalConfig(MistralConfig, kw_only=True, dict=True):
    """Phi-4-multimodal decoder (GQA; every layer sliding when sliding_window is set)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("phi4_multimodal",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Phi4MultimodalForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/phi4_multimodal.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        MistralConfig.INPUTS,
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=8,
            keep_null=True,
            minimum=1,
        ),
        rt.Input(
            "max_position_embeddings",
            ("max_position_embeddings",),
            "int",
            default=131072,
            minimum=1,
        ),
    )

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] | None = 8
    """KV heads (absent -> transformers' default 8; null -> one per query head)."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 131072
    """Longest sequence the positional encoding was trained for."""
