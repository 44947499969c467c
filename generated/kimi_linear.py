# generated from schemas/kimi_linear.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=a851c7fd1a1b3d56 content=906862a4a6e590fb
# ruff: noqa: E501
"""KimiLinearConfig: Kimi-Linear decoder (KDA linear-attention layers keep no KV; MLA layers latent)."""

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


class KimiLinearConfig(DeepseekV3Config, kw_only=True, dict=True):
    """Kimi-Linear decoder (KDA linear-attention layers keep no KV; MLA layers latent)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("kimi_linear",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("KimiLinearForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/kimi_linear.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        DeepseekV3Config.INPUTS,
        rt.Input("num_hidden_layers", ("num_hidden_layers",), "int", default=27, minimum=1),
        rt.Input("num_attention_heads", ("num_attention_heads",), "int", default=32, minimum=1),
        rt.Input("kv_lora_rank", ("kv_lora_rank",), "int", default=512, minimum=1),
        rt.Input("qk_rope_head_dim", ("qk_rope_head_dim",), "int", default=64, minimum=1),
        rt.Input("qk_nope_head_dim", ("qk_nope_head_dim",), "int", default=128, minimum=1),
        rt.Input("v_head_dim", ("v_head_dim",), "int", default=128, minimum=1),
        rt.Input(
            "max_position_embeddings",
            ("model_max_length", "max_position_embeddings"),
            "int",
            default=1048576,
            minimum=1,
        ),
        rt.Input("layer_types", ("layer_types",), "list[str]", default=None),
        rt.Input(
            "full_attn_layers", ("linear_attn_config.full_attn_layers",), "list[int]", default=[]
        ),
        rt.Input("kda_layers", ("linear_attn_config.kda_layers",), "list[int]", default=[]),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 27
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

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 1048576
    """Longest sequence (the config stores it as model_max_length)."""

    layer_types: list[str] | None = None
    """Per-layer kind (linear_attention / full_attention)."""

    full_attn_layers: list[int] = msgspec.field(default_factory=list)
    """1-based MLA layer numbers (used with kda_layers when layer_types is absent)."""

    kda_layers: list[int] = msgspec.field(default_factory=list)
    """1-based KDA (linear-attention) layer numbers."""

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
        if self.layer_types is not None:
            return rt.layer_kinds_from_list(
                self._n, "layer_types", self.layer_types, count, _KIND_NAMES
            )
        return [
            rt.layer_kind(
                self._n,
                "linear_attn_config.full_attn_layers / linear_attn_config.kda_layers",
                i,
                ("full" if i + 1 in self.full_attn_layers else "none")
                if len(self.full_attn_layers) > 0 and len(self.kda_layers) > 0
                else "full"
                if i > 0 and i % 4 == 0
                else "none",
            )
            for i in range(count)
        ]
