# generated from schemas/granite_swa.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=dd0295fe969bcc7c content=f19b0c9f39160d41
"""GraniteSwaConfig: Granite SWA decoder (every 4th layer full from layer 0, the rest sliding)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.ministral import MinistralConfig
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


class GraniteSwaConfig(MinistralConfig, kw_only=True, dict=True):
    """Granite SWA decoder (every 4th layer full from layer 0, the rest sliding)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("granite_swa",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GraniteSWAForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/granite_swa.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        MinistralConfig.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=24,
            minimum=1,
        ),
        rt.Input(
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=20, minimum=1
        ),
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=4,
            keep_null=True,
            minimum=1,
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=2560, minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=8192, minimum=1
        ),
        rt.Input(
            "sliding_window", ("sliding_window",), "int", default=128, keep_null=True, minimum=1
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 24
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 20
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] | None = 4
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 2560
    """Model width."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 8192
    """Longest sequence the positional encoding was trained for."""

    sliding_window: Annotated[int, msgspec.Meta(ge=1)] | None = 128
    """Tokens a sliding layer sees (transformers' default 128)."""

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
        if self.layer_types is not None:
            return rt.layer_kinds_from_list(
                self._n, "layer_types", self.layer_types, count, _KIND_NAMES
            )
        return [
            rt.layer_kind(self._n, "layers.kind", i, "full" if i % 4 == 0 else "sliding")
            for i in range(count)
        ]
