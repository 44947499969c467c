# generated from schemas/smollm3.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=42a0392557e2ab8e content=19c2bae31c8c0764
# ruff: noqa: E501
"""SmolLM3Config: SmolLM3 decoder (GQA; with use_sliding_window, the no-rope layers use the window)."""

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


class SmolLM3Config(MinistralConfig, kw_only=True, dict=True):
    """SmolLM3 decoder (GQA; with use_sliding_window, the no-rope layers use the window)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("smollm3",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("SmolLM3ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/smollm3.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        MinistralConfig.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=36,
            minimum=1,
        ),
        rt.Input(
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=16, minimum=1
        ),
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=4,
            keep_null=True,
            minimum=1,
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=2048, minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=32768, minimum=1
        ),
        rt.Input(
            "sliding_window", ("sliding_window",), "int", default=None, keep_null=True, minimum=1
        ),
        rt.Input("use_sliding_window", ("use_sliding_window",), "bool", default=False),
        rt.Input("no_rope_layers", ("no_rope_layers",), "list[int]", default=[]),
        rt.Input(
            "no_rope_layer_interval", ("no_rope_layer_interval",), "int", default=4, minimum=1
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 36
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 16
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] | None = 4
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 2048
    """Model width."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 32768
    """Longest sequence the positional encoding was trained for."""

    sliding_window: Annotated[int, msgspec.Meta(ge=1)] | None = None
    """Tokens a sliding layer sees; null means full attention."""

    use_sliding_window: bool = False
    """Whether the no-rope layers use the sliding window."""

    no_rope_layers: list[int] = msgspec.field(default_factory=list)
    """Per layer, 1 when it uses rope, 0 for a NoPE layer (empty -> by interval)."""

    no_rope_layer_interval: Annotated[int, msgspec.Meta(ge=1)] = 4
    """Without no_rope_layers, every this-many-th layer is a NoPE layer."""

    def _check_rules(self) -> None:
        super()._check_rules()
        ok = len(self.no_rope_layers) == 0 or len(self.no_rope_layers) >= self.num_hidden_layers
        if not ok:
            rt.fail(self._n, "no_rope_layers", self.no_rope_layers, "one entry per layer")

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
        if self.layer_types is not None:
            return rt.layer_kinds_from_list(
                self._n, "layer_types", self.layer_types, count, _KIND_NAMES
            )
        return [
            rt.layer_kind(
                self._n,
                "use_sliding_window / sliding_window / no_rope_layers / no_rope_layer_interval",
                i,
                "sliding"
                if self.use_sliding_window
                and self.sliding_window is not None
                and (
                    self.no_rope_layers[i] == 0
                    if len(self.no_rope_layers) > 0
                    else (i + 1) % self.no_rope_layer_interval == 0
                )
                else "full",
            )
            for i in range(count)
        ]
