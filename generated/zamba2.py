# generated from schemas/zamba2.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=41f32b2ec0c9b732 content=2d4f41d162f4a77a
# ruff: noqa: E501
"""Zamba2Config: Zamba2 hybrid decoder (Mamba2 layers keep no KV; hybrid layers run shared attention)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
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


class Zamba2Config(LlamaConfig, kw_only=True, dict=True):
    """Zamba2 hybrid decoder (Mamba2 layers keep no KV; hybrid layers run shared attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("zamba2",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Zamba2ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/zamba2.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
        rt.Input("num_hidden_layers", ("num_hidden_layers",), "int", default=54, minimum=1),
        rt.Input("num_attention_heads", ("num_attention_heads",), "int", default=32, minimum=1),
        rt.Input("num_kv_heads", ("num_key_value_heads",), "int", default=None, minimum=1),
        rt.Input("hidden_size", ("hidden_size",), "int", default=2560, minimum=1),
        rt.Input(
            "explicit_head_dim", ("attention_head_dim", "head_dim"), "int", default=None, minimum=1
        ),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=4096, minimum=1
        ),
        rt.Input(
            "layers_block_type", ("layers_block_type", "layer_types"), "list[str]", default=None
        ),
        rt.Input("use_long_context", ("use_long_context",), "bool", default=False),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 54
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Query heads."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 2560
    """Model width."""

    explicit_head_dim: Annotated[int, msgspec.Meta(ge=1)] | None = None
    """Per-head width when the config gives it (else 2 * hidden_size / heads)."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """Longest sequence the positional encoding was trained for."""

    layers_block_type: list[str] | None = None
    """Per-layer block (linear_attention / mamba = Mamba2, hybrid = shared attention)."""

    use_long_context: bool = False
    """The context-extended variant (max_position_embeddings becomes 16384)."""

    def _check_rules(self) -> None:
        ok = self.num_attention_heads % self.kv_heads == 0
        if not ok:
            rt.fail(
                self._n,
                "num_kv_heads (from num_key_value_heads)",
                self.num_kv_heads,
                "a divisor of num_attention_heads",
            )
        ok = (
            self.explicit_head_dim is not None
            or 2 * self.hidden_size % self.num_attention_heads == 0
        )
        if not ok:
            rt.fail(
                self._n,
                "hidden_size",
                self.hidden_size,
                "2 * hidden_size a multiple of num_attention_heads (or set attention_head_dim)",
            )
        ok = self.layers_block_type is not None or self.num_hidden_layers == 54
        if not ok:
            rt.fail(
                self._n,
                "num_hidden_layers",
                self.num_hidden_layers,
                "54, the length of the default layer pattern (or list layers_block_type)",
            )

    @property
    def attn_head_dim(self) -> int:
        """Elements per K and V head (the attention runs on 2 * hidden_size)."""
        return rt.coalesce(self.explicit_head_dim, 2 * self.hidden_size // self.num_attention_heads)

    @property
    def model_max_seq_len(self) -> int:
        """Longest sequence the model supports."""
        return 16384 if self.use_long_context else self.max_position_embeddings

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
        if self.layers_block_type is not None:
            return rt.layer_kinds_from_list(
                self._n, "layers_block_type", self.layers_block_type, count, _KIND_NAMES
            )
        return [
            rt.layer_kind(
                self._n,
                "layers.kind",
                i,
                "full" if i in (6, 12, 18, 24, 30, 36, 42, 47, 51) else "none",
            )
            for i in range(count)
        ]

    def _layer(self, i: int, kind: str, kinds: list[str]) -> LayerSpec:
        return rt.layer_spec(
            self._n,
            i,
            kind,
            window=None,
            num_kv_heads=self.kv_heads,
            k_head_dim=self.attn_head_dim,
            v_head_dim=self.attn_head_dim,
            kv_source=None,
            kinds=kinds,
            fields=(
                "layers.window",
                "num_key_value_heads / num_attention_heads",
                "attention_head_dim / hidden_size / num_attention_heads",
                "attention_head_dim / hidden_size / num_attention_heads",
                "layers.kv_source",
            ),
        )
