# generated from schemas/falcon_h1.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=97deacb8c34c8de4 content=4d9d078e18b7aeca
"""FalconH1Config: Falcon-H1 parallel hybrid decoder (attention beside Mamba2 in every layer)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class FalconH1Config(LlamaConfig, kw_only=True, dict=True):
    """Falcon-H1 parallel hybrid decoder (attention beside Mamba2 in every layer)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("falcon_h1",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("FalconH1ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/falcon_h1.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=32,
            minimum=1,
        ),
        rt.Input(
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=32, minimum=1
        ),
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=8,
            keep_null=True,
            minimum=1,
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=4096, minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=8192, minimum=1
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] | None = 8
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """Model width."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 8192
    """Longest sequence the positional encoding was trained for."""
