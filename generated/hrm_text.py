# generated from schemas/hrm_text.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=22ae750a6f4e8447 content=65e484230af02b2f
# ruff: noqa: E501
"""HrmTextConfig: HRM text decoder (one multi-head cache slot per attention invocation of the H/L cycles)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from kvarch import schema_runtime as rt
from kvarch.layers import LayerSpec


class HrmTextConfig(rt.SchemaArchConfig, kw_only=True, dict=True):
    """HRM text decoder (one multi-head cache slot per attention invocation of the H/L cycles)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("hrm_text",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("HrmTextForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/hrm_text.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ()
    INPUTS: ClassVar[tuple[rt.Input, ...]] = (
        rt.Input("num_hidden_layers", ("num_hidden_layers",), "int", default=16, minimum=1),
        rt.Input("num_layers_per_stack", ("num_layers_per_stack",), "int", default=None, minimum=1),
        rt.Input("h_cycles", ("H_cycles",), "int", default=2, minimum=1),
        rt.Input("l_cycles", ("L_cycles",), "int", default=3, minimum=1),
        rt.Input("num_attention_heads", ("num_attention_heads",), "int", default=12, minimum=1),
        rt.Input("hidden_size", ("hidden_size",), "int", default=1536, minimum=1),
        rt.Input("explicit_head_dim", ("head_dim",), "int", default=128, minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=2048, minimum=1
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 16
    """Layers per stack (fresh config) or cache slots in all (saved config)."""

    num_layers_per_stack: Annotated[int, msgspec.Meta(ge=1)] | None = None
    """Layers per stack, present once transformers has inflated num_hidden_layers."""

    h_cycles: Annotated[int, msgspec.Meta(ge=1)] = 2
    """High-level cycles."""

    l_cycles: Annotated[int, msgspec.Meta(ge=1)] = 3
    """Low-level cycles per high-level cycle."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 12
    """Attention heads (K and V keep all of them)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 1536
    """Model width."""

    explicit_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 2048
    """Longest sequence the positional encoding was trained for."""

    def _check_rules(self) -> None:
        ok = (
            self.num_layers_per_stack is None
            or self.num_hidden_layers
            == rt.coalesce(self.num_layers_per_stack, 0) * self.slots_per_stack_layer
        )
        if not ok:
            rt.fail(
                self._n,
                "num_hidden_layers",
                self.num_hidden_layers,
                "num_layers_per_stack * H_cycles * (L_cycles + 1) when num_layers_per_stack is set",
            )

    @property
    def slots_per_stack_layer(self) -> int:
        """Attention invocations of one stack layer per forward pass."""
        return self.h_cycles * (self.l_cycles + 1)

    @property
    def cache_slots(self) -> int:
        """Cache slots (layers keeping KV)."""
        return (
            self.num_hidden_layers
            if self.num_layers_per_stack is not None
            else self.num_hidden_layers * self.slots_per_stack_layer
        )

    @property
    def model_max_seq_len(self) -> int:
        """Longest sequence the model supports."""
        return self.max_position_embeddings

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(
            self._n,
            "num_layers_per_stack / num_hidden_layers / H_cycles / L_cycles",
            self.cache_slots,
        )
        return [rt.layer_kind(self._n, "layers.kind", i, "full") for i in range(count)]

    def _layer(self, i: int, kind: str, kinds: list[str]) -> LayerSpec:
        return rt.layer_spec(
            self._n,
            i,
            kind,
            window=None,
            num_kv_heads=self.num_attention_heads,
            k_head_dim=self.explicit_head_dim,
            v_head_dim=self.explicit_head_dim,
            kv_source=None,
            kinds=kinds,
            fields=(
                "layers.window",
                "num_attention_heads",
                "head_dim",
                "head_dim",
                "layers.kv_source",
            ),
        )
