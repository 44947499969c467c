# generated from schemas/olmo3.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=5a050cff95b2591c content=ad858514928126c4
"""Olmo3Config: OLMo3 decoder (every 4th layer full, the rest sliding)."""

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


class Olmo3Config(MinistralConfig, kw_only=True, dict=True):
    """OLMo3 decoder (every 4th layer full, the rest sliding)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("olmo3",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Olmo3ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/olmo3.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        MinistralConfig.INPUTS,
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=None,
            keep_null=True,
            minimum=1,
        ),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=2048, minimum=1
        ),
    )

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] | None = None
    """KV heads; null means one per query head (multi-head attention)."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 2048
    """Longest sequence the positional encoding was trained for."""

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
        if self.layer_types is not None:
            return rt.layer_kinds_from_list(
                self._n, "layer_types", self.layer_types, count, _KIND_NAMES
            )
        return [
            rt.layer_kind(self._n, "layers.kind", i, "sliding" if (i + 1) % 4 != 0 else "full")
            for i in range(count)
        ]
