# generated from schemas/nemotron_h.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=3ba4beffb50b1de8 content=dfe70262d2197175
# ruff: noqa: E501
"""NemotronHConfig: Nemotron-H hybrid decoder (Mamba2/MoE/MLP blocks keep no KV; attention blocks do)."""

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
    "moe": "none",
    "mlp": "none",
}


# extends llama, but widens a type its class narrows: based on rt.SchemaArchConfig instead
class NemotronHConfig(rt.SchemaArchConfig, kw_only=True, dict=True):
    """Nemotron-H hybrid decoder (Mamba2/MoE/MLP blocks keep no KV; attention blocks do)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("nemotron_h",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("NemotronHForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/nemotron_h.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ()
    INPUTS: ClassVar[tuple[rt.Input, ...]] = (
        rt.Input("num_hidden_layers", ("num_hidden_layers",), "int", default=None, minimum=1),
        rt.Input(
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=32, minimum=1
        ),
        rt.Input("num_kv_heads", ("num_key_value_heads",), "int", default=8, minimum=1),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=4096, minimum=1),
        rt.Input("explicit_head_dim", ("head_dim",), "int", default=128, minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=4096, minimum=1
        ),
        rt.Input(
            "layers_block_type", ("layers_block_type", "layer_types"), "list[str]", default=None
        ),
        rt.Input("block_list", ("layers_block_type", "layer_types"), "list[str]", default=[]),
        rt.Input("hybrid_override_pattern", ("hybrid_override_pattern",), "str", default="ME*-"),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] | None = None
    """Ignored by transformers (the block list's length rules); read for old configs only."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 8
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """Model width."""

    explicit_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """Longest sequence the positional encoding was trained for."""

    layers_block_type: list[str] | None = None
    """Per-layer block (linear_attention = Mamba2, moe, mlp, full_attention)."""

    block_list: list[str] = msgspec.field(default_factory=list)
    """layers_block_type again, empty when absent (its length is the layer count)."""

    hybrid_override_pattern: str = "ME*-"
    """Without layers_block_type, one character per layer (M, E, *, -)."""

    def _check_rules(self) -> None:
        ok = self.num_attention_heads % self.kv_heads == 0
        if not ok:
            rt.fail(
                self._n,
                "num_kv_heads (from num_key_value_heads)",
                self.num_kv_heads,
                "a divisor of num_attention_heads",
            )
        ok = self.explicit_head_dim is not None or self.hidden_size % self.num_attention_heads == 0
        if not ok:
            rt.fail(
                self._n,
                "hidden_size",
                self.hidden_size,
                "a multiple of num_attention_heads (or set head_dim)",
            )

    @property
    def kv_heads(self) -> int:
        """KV heads per layer."""
        return rt.coalesce(self.num_kv_heads, self.num_attention_heads)

    @property
    def attn_head_dim(self) -> int:
        """Elements per K and V head."""
        return rt.coalesce(self.explicit_head_dim, self.hidden_size // self.num_attention_heads)

    @property
    def model_max_seq_len(self) -> int:
        """Longest sequence the model supports."""
        return self.max_position_embeddings

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(
            self._n,
            "layers_block_type / hybrid_override_pattern",
            len(self.block_list) if len(self.block_list) > 0 else len(self.hybrid_override_pattern),
        )
        if self.layers_block_type is not None:
            return rt.layer_kinds_from_list(
                self._n, "layers_block_type", self.layers_block_type, count, _KIND_NAMES
            )
        return [
            rt.layer_kind(
                self._n,
                "hybrid_override_pattern",
                i,
                "full" if self.hybrid_override_pattern[i] == "*" else "none",
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
                "head_dim / hidden_size / num_attention_heads",
                "head_dim / hidden_size / num_attention_heads",
                "layers.kv_source",
            ),
        )
