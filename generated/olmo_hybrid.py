# generated from schemas/olmo_hybrid.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=897a861d8873d84b content=552787e41eb64852
# ruff: noqa: E501
"""OlmoHybridConfig: OLMo-Hybrid decoder (linear-attention layers keep no KV; full attention every 4th)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
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


class OlmoHybridConfig(LlamaConfig, kw_only=True, dict=True):
    """OLMo-Hybrid decoder (linear-attention layers keep no KV; full attention every 4th)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("olmo_hybrid",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("OlmoHybridForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/olmo_hybrid.yaml"
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
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=30, minimum=1
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=3840, minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=65536, minimum=1
        ),
        rt.Input("layer_types", ("layer_types",), "list[str]", default=None),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 30
    """Query heads."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 3840
    """Model width."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 65536
    """Longest sequence the positional encoding was trained for."""

    layer_types: list[str] | None = None
    """Per-layer kind (linear_attention / full_attention)."""

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
        if self.layer_types is not None:
            return rt.layer_kinds_from_list(
                self._n, "layer_types", self.layer_types, count, _KIND_NAMES
            )
        return [
            rt.layer_kind(
                self._n,
                "num_hidden_layers",
                i,
                "full"
                if i % 4 == 3 or (self.num_hidden_layers < 4 and i == self.num_hidden_layers - 1)
                else "none",
            )
            for i in range(count)
        ]
