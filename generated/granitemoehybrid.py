# generated from schemas/granitemoehybrid.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=9c3018309c81b6a0 content=1706c0b8443c8b93
# ruff: noqa: E501
"""GraniteMoeHybridConfig: GraniteMoeHybrid decoder (Mamba2 layers keep no KV; attention where layer_types says)."""

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


class GraniteMoeHybridConfig(LlamaConfig, kw_only=True, dict=True):
    """GraniteMoeHybrid decoder (Mamba2 layers keep no KV; attention where layer_types says)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("granitemoehybrid",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GraniteMoeHybridForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/granitemoehybrid.yaml"
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
        rt.Input("layer_types", ("layer_types", "layers_block_type"), "list[str]", default=None),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Query heads."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """Model width."""

    layer_types: list[str] | None = None
    """Per-layer block (mamba / linear_attention, attention / full_attention)."""

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
        if self.layer_types is not None:
            return rt.layer_kinds_from_list(
                self._n, "layer_types", self.layer_types, count, _KIND_NAMES
            )
        return [rt.layer_kind(self._n, "layers.kind", i, "none") for i in range(count)]
