# generated from schemas/axk2.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=8f7a25f6223be290 content=a7670285c8823cb1
# ruff: noqa: E501
"""AXK2Config: A.X-K2 decoder: MLA with a DSA indexer over every token (latent KV cache; the indexer keys are not in it)."""

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
    "indexed_attention": "full",
}


class AXK2Config(DeepseekV3Config, kw_only=True, dict=True):
    """A.X-K2 decoder: MLA with a DSA indexer over every token (latent KV cache; the indexer keys are not in it)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("axk2",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("AXK2ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/axk2.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        DeepseekV3Config.INPUTS,
        rt.Input("num_hidden_layers", ("num_hidden_layers",), "int", default=48, minimum=1),
        rt.Input("num_attention_heads", ("num_attention_heads",), "int", default=32, minimum=1),
        rt.Input("kv_lora_rank", ("kv_lora_rank",), "int", default=128, minimum=1),
        rt.Input("qk_rope_head_dim", ("qk_rope_head_dim",), "int", default=32, minimum=1),
        rt.Input("qk_nope_head_dim", ("qk_nope_head_dim",), "int", default=64, minimum=1),
        rt.Input("v_head_dim", ("v_head_dim",), "int", default=64, minimum=1),
        rt.Input(
            "max_position_embeddings",
            ("max_position_embeddings",),
            "int",
            default=131072,
            minimum=1,
        ),
        rt.Input("layer_types", ("layer_types",), "list[str]", default=None),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 48
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Query heads."""

    kv_lora_rank: Annotated[int, msgspec.Meta(ge=1)] = 128
    """Width of the compressed KV latent."""

    qk_rope_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Width of the rotary key part shared by all heads."""

    qk_nope_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 64
    """Width of the non-rotary key part per head."""

    v_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 64
    """Value width per head."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 131072
    """Longest sequence (already the rope-extended length)."""

    layer_types: list[str] | None = None
    """Per-layer attention kind (indexed_attention attends over every cached token)."""

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
        if self.layer_types is not None:
            return rt.layer_kinds_from_list(
                self._n, "layer_types", self.layer_types, count, _KIND_NAMES
            )
        return [rt.layer_kind(self._n, "layers.kind", i, "full") for i in range(count)]
