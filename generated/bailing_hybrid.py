# generated from schemas/bailing_hybrid.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=d0ab33c21a17038c content=274861802c71e98f
# ruff: noqa: E501
"""BailingHybridConfig: Bailing-Hybrid decoder (linear-attention layers keep no KV; MLA every 6th layer)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt

_KIND_NAMES: dict[str, str] = {
    "full_attention": "full",
    "attention": "full",
    "global": "full",
    "sliding_attention": "sliding",
    "local": "sliding",
    "chunked_attention": "chunked",
    "cross_attention": "cross",
    "mamba": "none",
    "mamba2": "none",
    "linear_attention": "none",
    "conv": "none",
}


class BailingHybridConfig(DeepseekV3Config, kw_only=True, dict=True):
    """Bailing-Hybrid decoder (linear-attention layers keep no KV; MLA every 6th layer)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("bailing_hybrid",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("BailingHybridForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/bailing_hybrid.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        DeepseekV3Config.INPUTS,
        rt.Input("num_hidden_layers", ("num_hidden_layers",), "int", default=42, minimum=1),
        rt.Input("num_attention_heads", ("num_attention_heads",), "int", default=32, minimum=1),
        rt.Input("kv_lora_rank", ("kv_lora_rank",), "int", default=512, minimum=1),
        rt.Input("qk_rope_head_dim", ("qk_rope_head_dim",), "int", default=64, minimum=1),
        rt.Input("qk_nope_head_dim", ("qk_nope_head_dim",), "int", default=128, minimum=1),
        rt.Input("v_head_dim", ("v_head_dim",), "int", default=128, minimum=1),
        rt.Input(
            "max_position_embeddings",
            ("model_max_length", "max_position_embeddings"),
            "int",
            default=262144,
            minimum=1,
        ),
        rt.Input("layer_types", ("layer_types",), "list[str]", default=None),
        rt.Input("layer_group_size", ("layer_group_size",), "int", default=6, minimum=1),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 42
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Query heads."""

    kv_lora_rank: Annotated[int, msgspec.Meta(ge=1)] = 512
    """Width of the compressed KV latent."""

    qk_rope_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 64
    """Width of the rotary key part shared by all heads."""

    qk_nope_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 128
    """Width of the non-rotary key part per head."""

    v_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 128
    """Value width per head."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 262144
    """Longest sequence (the config stores it as model_max_length)."""

    layer_types: list[str] | None = None
    """Per-layer kind (linear_attention / full_attention)."""

    layer_group_size: Annotated[int, msgspec.Meta(ge=1)] = 6
    """Without layer_types, every this-many-th layer is MLA."""

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
        if self.layer_types is not None:
            return rt.layer_kinds_from_list(
                self._n, "layer_types", self.layer_types, count, _KIND_NAMES
            )
        return [
            rt.layer_kind(
                self._n,
                "layer_group_size",
                i,
                "full" if (i + 1) % self.layer_group_size == 0 else "none",
            )
            for i in range(count)
        ]
