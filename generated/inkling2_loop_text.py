# generated from schemas/inkling2_loop_text.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=2ffb00e39d64116c content=9f10e3bd28fc0967
# ruff: noqa: E501
"""Inkling2LoopTextConfig: Inkling 2 Loop text decoder (hybrid layers; looped section keeps a cache copy per pass)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from kvarch import schema_runtime as rt
from kvarch.layers import LayerSpec


class Inkling2LoopTextConfig(rt.SchemaArchConfig, kw_only=True, dict=True):
    """Inkling 2 Loop text decoder (hybrid layers; looped section keeps a cache copy per pass)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("inkling2_loop_text",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Inkling2LoopForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/inkling2_loop_text.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ()
    INPUTS: ClassVar[tuple[rt.Input, ...]] = (
        rt.Input("num_hidden_layers", ("num_hidden_layers",), "int", default=24, minimum=1),
        rt.Input("num_kv_heads", ("num_key_value_heads",), "int", default=8, minimum=1),
        rt.Input("explicit_head_dim", ("head_dim",), "int", default=128, minimum=1),
        rt.Input("swa_num_kv_heads", ("swa_num_key_value_heads",), "int", default=8, minimum=1),
        rt.Input("swa_head_dim", ("swa_head_dim",), "int", default=128, minimum=1),
        rt.Input(
            "sliding_window_size",
            ("sliding_window_size", "sliding_window"),
            "int",
            default=1024,
            minimum=1,
        ),
        rt.Input("layer_types", ("layer_types",), "list[str]", default=[]),
        rt.Input(
            "loop_start",
            ("loop_config.core_start", "loop_layer_index_start"),
            "int",
            default=6,
            minimum=1,
        ),
        rt.Input(
            "loop_end",
            ("loop_config.core_end", "loop_layer_index_end"),
            "int",
            default=18,
            minimum=1,
        ),
        rt.Input(
            "loop_passes",
            ("loop_config.num_passes", "loop_num_passes"),
            "int",
            default=3,
            minimum=1,
        ),
        rt.Input(
            "max_position_embeddings",
            ("max_position_embeddings", "model_max_length"),
            "int",
            default=1048576,
            minimum=1,
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 24
    """Decoder layers."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 8
    """KV heads of a full (hybrid) layer."""

    explicit_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 128
    """Per-head width of a full (hybrid) layer."""

    swa_num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 8
    """KV heads of a sliding (hybrid_sliding) layer."""

    swa_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 128
    """Per-head width of a sliding (hybrid_sliding) layer."""

    sliding_window_size: Annotated[int, msgspec.Meta(ge=1)] = 1024
    """Tokens a sliding layer sees."""

    layer_types: list[str] = msgspec.field(default_factory=list)
    """Per-layer block kind, hybrid or hybrid_sliding."""

    loop_start: Annotated[int, msgspec.Meta(ge=1)] = 6
    """First looped layer."""

    loop_end: Annotated[int, msgspec.Meta(ge=1)] = 18
    """One past the last looped layer."""

    loop_passes: Annotated[int, msgspec.Meta(ge=1)] = 3
    """Passes through the looped layers."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 1048576
    """Longest sequence the positional encoding was trained for."""

    def _check_rules(self) -> None:
        ok = len(self.layer_types) == 0 or len(self.layer_types) == self.num_hidden_layers
        if not ok:
            rt.fail(
                self._n,
                "layer_types",
                self.layer_types,
                "one entry per decoder layer (num_hidden_layers entries)",
            )
        ok = self.loop_start < self.loop_end and self.loop_end <= self.num_hidden_layers
        if not ok:
            rt.fail(
                self._n,
                "loop_start (from loop_config.core_start)",
                self.loop_start,
                "a looped section loop_start < loop_end <= num_hidden_layers",
            )

    @property
    def looped_layers(self) -> int:
        """Layers in the looped section."""
        return self.loop_end - self.loop_start

    @property
    def model_max_seq_len(self) -> int:
        """Longest sequence the model supports."""
        return self.max_position_embeddings

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(
            self._n,
            "num_hidden_layers / loop_config.num_passes / loop_config.core_end / loop_config.core_start",
            self.num_hidden_layers + (self.loop_passes - 1) * self.looped_layers,
        )
        return [
            rt.layer_kind(
                self._n,
                "layer_types / num_hidden_layers / loop_config.core_start / loop_config.core_end",
                i,
                (
                    "full"
                    if self.layer_types[
                        i
                        if i < self.num_hidden_layers
                        else self.loop_start + (i - self.num_hidden_layers) % self.looped_layers
                    ]
                    == "hybrid"
                    else "sliding"
                )
                if len(self.layer_types) > 0
                else "full"
                if (
                    (
                        i
                        if i < self.num_hidden_layers
                        else self.loop_start + (i - self.num_hidden_layers) % self.looped_layers
                    )
                    + 1
                )
                % 6
                == 0
                else "sliding",
            )
            for i in range(count)
        ]

    def _layer(self, i: int, kind: str, kinds: list[str]) -> LayerSpec:
        return rt.layer_spec(
            self._n,
            i,
            kind,
            window=self.sliding_window_size if kind in ("sliding", "chunked") else None,
            num_kv_heads=self.swa_num_kv_heads if kind == "sliding" else self.num_kv_heads,
            k_head_dim=self.swa_head_dim if kind == "sliding" else self.explicit_head_dim,
            v_head_dim=self.swa_head_dim if kind == "sliding" else self.explicit_head_dim,
            kv_source=None,
            kinds=kinds,
            fields=(
                "sliding_window_size",
                "swa_num_key_value_heads / num_key_value_heads",
                "swa_head_dim / head_dim",
                "swa_head_dim / head_dim",
                "layers.kv_source",
            ),
        )
