# generated from schemas/vaultgemma.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=9d820c30ee24ca88 content=bd6da150f7b1e848
# ruff: noqa: E501
"""VaultGemmaConfig: VaultGemma decoder (Gemma2 geometry; sliding-window and full layers alternate)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.gemma2 import Gemma2Config
from kvarch import schema_runtime as rt


class VaultGemmaConfig(Gemma2Config, kw_only=True, dict=True):
    """VaultGemma decoder (Gemma2 geometry; sliding-window and full layers alternate)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("vaultgemma",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("VaultGemmaForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/vaultgemma.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        Gemma2Config.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=26,
            minimum=1,
        ),
        rt.Input(
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=8, minimum=1
        ),
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=4,
            minimum=1,
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=2304, minimum=1),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 26
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 8
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 4
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 2304
    """Model width."""
