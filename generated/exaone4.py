# generated from schemas/exaone4.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=d04b95926acbf65e content=49b0506ea5532c6b
# ruff: noqa: E501
"""Exaone4Config: EXAONE 4 decoder (sliding layers with every 4th layer full; all full without a window)."""

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


class Exaone4Config(MinistralConfig, kw_only=True, dict=True):
    """EXAONE 4 decoder (sliding layers with every 4th layer full; all full without a window)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("exaone4",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Exaone4ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/exaone4.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        MinistralConfig.INPUTS,
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=32,
            keep_null=True,
            minimum=1,
        ),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=2048, minimum=1
        ),
        rt.Input(
            "sliding_window_pattern", ("sliding_window_pattern",), "int", default=4, minimum=0
        ),
    )

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] | None = 32
    """KV heads; null means one per query head (multi-head attention)."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 2048
    """Longest sequence the positional encoding was trained for."""

    sliding_window: Annotated[int, msgspec.Meta(ge=1)] | None = 4096
    """Tokens a sliding layer sees; null makes every layer full attention."""

    sliding_window_pattern: Annotated[int, msgspec.Meta(ge=0)] = 4
    """Every this-many-th layer is full attention (0 when there is no window)."""

    def _check_rules(self) -> None:
        super()._check_rules()
        ok = (
            self.sliding_window is None
            or self.layer_types is not None
            or self.sliding_window_pattern >= 1
        )
        if not ok:
            rt.fail(
                self._n,
                "sliding_window_pattern",
                self.sliding_window_pattern,
                "at least 1 when sliding_window is set and layer_types is absent",
            )

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
        if self.layer_types is not None:
            return rt.layer_kinds_from_list(
                self._n, "layer_types", self.layer_types, count, _KIND_NAMES
            )
        return [
            rt.layer_kind(
                self._n,
                "sliding_window / sliding_window_pattern",
                i,
                "sliding"
                if self.sliding_window is not None
                and self.sliding_window_pattern >= 1
                and ((i + 1) % self.sliding_window_pattern != 0)
                else "full",
            )
            for i in range(count)
        ]
