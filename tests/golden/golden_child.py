# generated from schemas/golden_child.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=15567841bb994779 content=810b67ec3f840e02
# ruff: noqa: E501
"""GoldenChildConfig: Golden child (a changed default, a narrowed input, a new input, an appended check)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.golden import GoldenConfig
from kvarch import schema_runtime as rt
from kvarch.layers import LayerSpec


class GoldenChildConfig(GoldenConfig, kw_only=True, dict=True):
    """Golden child (a changed default, a narrowed input, a new input, an appended check)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("golden_child",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ()
    SCHEMA: ClassVar[str] = "schemas/golden_child.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        GoldenConfig.INPUTS,
        rt.Input("explicit_head_dim", ("head_dim",), "int", default=16, minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=8192, minimum=1
        ),
        rt.Input("first_dense_layers", ("first_dense_layers",), "int", default=1, minimum=0),
    )

    explicit_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 16
    """HF field head_dim."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 8192
    """HF field max_position_embeddings."""

    first_dense_layers: Annotated[int, msgspec.Meta(ge=0)] = 1
    """HF field first_dense_layers."""

    def _check_rules(self) -> None:
        super()._check_rules()
        ok = self.first_dense_layers <= self.num_hidden_layers
        if not ok:
            rt.fail(
                self._n,
                "first_dense_layers (from text_config.first_dense_layers)",
                self.first_dense_layers,
                "at most num_hidden_layers",
            )

    @property
    def first_shared(self) -> int:
        """Derived: first_shared."""
        return max(self.num_hidden_layers - self.num_kv_shared_layers, self.first_dense_layers)

    def _layer(self, i: int, kind: str, kinds: list[str]) -> LayerSpec:
        return rt.layer_spec(
            self._n,
            i,
            kind,
            window=self.sliding_window if kind in ("sliding", "chunked") else None,
            num_kv_heads=self.kv_heads,
            k_head_dim=rt.coalesce(self.global_head_dim, self.attn_head_dim)
            if kind == "full"
            else self.attn_head_dim,
            v_head_dim=rt.coalesce(self.global_head_dim, self.attn_head_dim)
            if kind == "full"
            else self.attn_head_dim,
            kv_source=rt.last_index(kinds, kind, self.first_shared)
            if i >= self.first_shared
            else None,
            kinds=kinds,
            fields=(
                "text_config.sliding_window",
                "text_config.num_key_value_heads / text_config.num_attention_heads",
                "text_config.global_head_dim / text_config.head_dim / text_config.hidden_size / text_config.num_attention_heads",
                "text_config.global_head_dim / text_config.head_dim / text_config.hidden_size / text_config.num_attention_heads",
                "text_config.num_hidden_layers / text_config.num_kv_shared_layers / text_config.first_dense_layers",
            ),
        )
