# generated from schemas/hunyuan_v1_dense.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=5d49b06d8a8f0b4f content=acfcab118981508d
# ruff: noqa: E501
"""HunyuanV1Config: Hunyuan V1 decoder, dense or MoE (Llama geometry, every layer full attention)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class HunyuanV1Config(LlamaConfig, kw_only=True, dict=True):
    """Hunyuan V1 decoder, dense or MoE (Llama geometry, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("hunyuan_v1_dense", "hunyuan_v1_moe")
    ARCHITECTURES: ClassVar[tuple[str, ...]] = (
        "HunYuanDenseV1ForCausalLM",
        "HunYuanMoEV1ForCausalLM",
    )
    SCHEMA: ClassVar[str] = "schemas/hunyuan_v1_dense.yaml"
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
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=4096, minimum=1),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Query heads."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """Model width."""
