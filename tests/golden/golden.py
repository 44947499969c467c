# generated from schemas/golden.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=0f740028bdf2806e content=47d1aa1d8c86e1f6
# ruff: noqa: E501
"""GoldenConfig: Golden test family: \"quotes\", 'single', back\\slash and \"\"\"triple\"\"\"."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from kvarch import schema_runtime as rt
from kvarch.layers import LayerSpec

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
    "hybrid": "full",
}


class GoldenConfig(rt.SchemaArchConfig, kw_only=True, dict=True):
    """Golden test family: \"quotes\", 'single', back\\slash and \"\"\"triple\"\"\"."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("golden", "golden-alt")
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GoldenForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/golden.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config", "llm_config")
    INPUTS: ClassVar[tuple[rt.Input, ...]] = (
        rt.Input("num_hidden_layers", ("num_hidden_layers", "n_layer"), "int", minimum=1),
        rt.Input("num_attention_heads", ("num_attention_heads",), "int", minimum=1),
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "attn_config.kv_n_heads"),
            "int",
            default=None,
            minimum=1,
        ),
        rt.Input("explicit_head_dim", ("head_dim",), "int", default=None, minimum=1),
        rt.Input("hidden_size", ("hidden_size",), "int", minimum=1),
        rt.Input("global_head_dim", ("global_head_dim",), "int", default=None, minimum=1),
        rt.Input("sliding_window", ("sliding_window",), "int", default=None, minimum=1),
        rt.Input("num_kv_shared_layers", ("num_kv_shared_layers",), "int", default=0, minimum=0),
        rt.Input("layer_types", ("layer_types",), "list[str]", default=None),
        rt.Input("rope_type", ("rope_scaling.rope_type", "rope_scaling.type"), "str", default=None),
        rt.Input("rope_factor", ("rope_scaling.factor",), "float", default=None),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=4096, minimum=1
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)]
    """HF field num_hidden_layers / n_layer."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)]
    """HF field num_attention_heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] | None = None
    """HF field num_key_value_heads / attn_config.kv_n_heads."""

    explicit_head_dim: Annotated[int, msgspec.Meta(ge=1)] | None = None
    """HF field head_dim."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)]
    """HF field hidden_size."""

    global_head_dim: Annotated[int, msgspec.Meta(ge=1)] | None = None
    """HF field global_head_dim."""

    sliding_window: Annotated[int, msgspec.Meta(ge=1)] | None = None
    """HF field sliding_window."""

    num_kv_shared_layers: Annotated[int, msgspec.Meta(ge=0)] = 0
    """HF field num_kv_shared_layers."""

    layer_types: list[str] | None = None
    """HF field layer_types."""

    rope_type: str | None = None
    """HF field rope_scaling.rope_type / rope_scaling.type."""

    rope_factor: float | None = None
    """HF field rope_scaling.factor."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """HF field max_position_embeddings."""

    def _check_rules(self) -> None:
        ok = self.num_attention_heads % self.kv_heads == 0
        if not ok:
            rt.fail(
                self._n,
                "num_kv_heads (from text_config.num_key_value_heads)",
                self.num_kv_heads,
                "a divisor of num_attention_heads",
            )
        ok = self.num_kv_shared_layers < self.num_hidden_layers
        if not ok:
            rt.fail(
                self._n,
                "num_kv_shared_layers (from text_config.num_kv_shared_layers)",
                self.num_kv_shared_layers,
                "fewer than num_hidden_layers",
            )

    @property
    def kv_heads(self) -> int:
        """Derived: kv_heads."""
        return rt.coalesce(self.num_kv_heads, self.num_attention_heads)

    @property
    def attn_head_dim(self) -> int:
        """Head width of sliding layers."""
        return rt.coalesce(self.explicit_head_dim, self.hidden_size // self.num_attention_heads)

    @property
    def first_shared(self) -> int:
        """Derived: first_shared."""
        return self.num_hidden_layers - self.num_kv_shared_layers

    @property
    def model_max_seq_len(self) -> int:
        """Longest sequence the model supports."""
        return (
            int(self.max_position_embeddings * rt.coalesce(self.rope_factor, 1.0))
            if self.rope_type in ("dynamic", "linear")
            else self.max_position_embeddings
        )

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "text_config.num_hidden_layers", self.num_hidden_layers)
        if self.layer_types is not None:
            return rt.layer_kinds_from_list(
                self._n, "text_config.layer_types", self.layer_types, count, _KIND_NAMES
            )
        return [
            rt.layer_kind(self._n, "layers.kind", i, "full" if (i + 1) % 6 == 0 else "sliding")
            for i in range(count)
        ]

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
                "text_config.num_hidden_layers / text_config.num_kv_shared_layers",
            ),
        )
