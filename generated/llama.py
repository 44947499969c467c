# generated from schemas/llama.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=8a7c681285ad89c8 content=77864e6c7a97ceb2
"""LlamaConfig: Llama decoder (grouped-query attention, every layer full attention)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from kvarch import schema_runtime as rt
from kvarch.layers import LayerSpec


class LlamaConfig(rt.SchemaArchConfig, kw_only=True, dict=True):
    """Llama decoder (grouped-query attention, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("llama",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("LlamaForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/llama.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ()
    INPUTS: ClassVar[tuple[rt.Input, ...]] = (
        rt.Input(
            "num_hidden_layers", ("num_hidden_layers", "n_layer", "num_layers"), "int", minimum=1
        ),
        rt.Input("num_attention_heads", ("num_attention_heads", "n_head"), "int", minimum=1),
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=None,
            minimum=1,
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", minimum=1),
        rt.Input("explicit_head_dim", ("head_dim",), "int", default=None, minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=2048, minimum=1
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)]
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)]
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] | None = None
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)]
    """Model width."""

    explicit_head_dim: Annotated[int, msgspec.Meta(ge=1)] | None = None
    """Per-head width when the config gives it (else hidden_size / num_attention_heads)."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 2048
    """Longest sequence the positional encoding was trained for."""

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
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
        return [rt.layer_kind(self._n, "layers.kind", i, "full") for i in range(count)]

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
