# generated from schemas/hrm_text.yaml — do not edit; change the schema and run `make generate`.
# ruff: noqa: E501
"""HrmTextConfig: HRM text decoder (one multi-head cache slot per attention invocation of the H/L cycles)."""

from __future__ import annotations

from typing import Any, ClassVar

from generated import _runtime as rt
from kvarch.layers import LayerSpec


class HrmTextConfig(rt.SchemaArchConfig, kw_only=True, dict=True):
    """HRM text decoder (one multi-head cache slot per attention invocation of the H/L cycles)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("hrm_text",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("HrmTextForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/hrm_text.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ()

    num_hidden_layers: int = 16
    """Layers per stack (fresh config) or cache slots in all (saved config)."""

    num_layers_per_stack: int | None = None
    """Layers per stack, present once transformers has inflated num_hidden_layers."""

    h_cycles: int = 2
    """High-level cycles."""

    l_cycles: int = 3
    """Low-level cycles per high-level cycle."""

    num_attention_heads: int = 12
    """Attention heads (K and V keep all of them)."""

    hidden_size: int = 1536
    """Model width."""

    explicit_head_dim: int = 128
    """Per-head width (transformers' default 128 when the config omits it)."""

    max_position_embeddings: int = 2048
    """Longest sequence the positional encoding was trained for."""

    @classmethod
    def _read_inputs(cls, src: rt.Source) -> dict[str, Any]:
        return {
            "num_hidden_layers": src.read(("num_hidden_layers",), "int", default=16, minimum=1),
            "num_layers_per_stack": src.read(
                ("num_layers_per_stack",), "int", default=None, minimum=1
            ),
            "h_cycles": src.read(("H_cycles",), "int", default=2, minimum=1),
            "l_cycles": src.read(("L_cycles",), "int", default=3, minimum=1),
            "num_attention_heads": src.read(("num_attention_heads",), "int", default=12, minimum=1),
            "hidden_size": src.read(("hidden_size",), "int", default=1536, minimum=1),
            "explicit_head_dim": src.read(("head_dim",), "int", default=128, minimum=1),
            "max_position_embeddings": src.read(
                ("max_position_embeddings",), "int", default=2048, minimum=1
            ),
        }

    def _check_inputs(self) -> None:
        rt.check_value(self._n, "num_hidden_layers", self.num_hidden_layers, "int", minimum=1)
        rt.check_value(
            self._n,
            "num_layers_per_stack",
            self.num_layers_per_stack,
            "int",
            nullable=True,
            minimum=1,
        )
        rt.check_value(self._n, "h_cycles (from H_cycles)", self.h_cycles, "int", minimum=1)
        rt.check_value(self._n, "l_cycles (from L_cycles)", self.l_cycles, "int", minimum=1)
        rt.check_value(self._n, "num_attention_heads", self.num_attention_heads, "int", minimum=1)
        rt.check_value(self._n, "hidden_size", self.hidden_size, "int", minimum=1)
        rt.check_value(
            self._n, "explicit_head_dim (from head_dim)", self.explicit_head_dim, "int", minimum=1
        )
        rt.check_value(
            self._n, "max_position_embeddings", self.max_position_embeddings, "int", minimum=1
        )

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
        count = self.cache_slots
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
