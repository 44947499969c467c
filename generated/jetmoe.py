# generated from schemas/jetmoe.yaml — do not edit; change the schema and run `make generate`.
"""JetMoeConfig: JetMoE decoder (mixture of attention heads; KV heads of width kv_channels)."""

from __future__ import annotations

from typing import Any, ClassVar

from generated import _runtime as rt
from kvarch.layers import LayerSpec


class JetMoeConfig(rt.SchemaArchConfig, kw_only=True, dict=True):
    """JetMoE decoder (mixture of attention heads; KV heads of width kv_channels)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("jetmoe",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("JetMoeForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/jetmoe.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ()

    num_hidden_layers: int = 12
    """Decoder layers."""

    num_kv_heads: int = 16
    """KV heads per layer (shared by the attention experts)."""

    kv_channels: int = 128
    """Elements per K and V head."""

    max_position_embeddings: int = 4096
    """Longest sequence the positional encoding was trained for."""

    @classmethod
    def _read_inputs(cls, src: rt.Source) -> dict[str, Any]:
        return {
            "num_hidden_layers": src.read(("num_hidden_layers",), "int", default=12, minimum=1),
            "num_kv_heads": src.read(("num_key_value_heads",), "int", default=16, minimum=1),
            "kv_channels": src.read(("kv_channels", "head_dim"), "int", default=128, minimum=1),
            "max_position_embeddings": src.read(
                ("max_position_embeddings",), "int", default=4096, minimum=1
            ),
        }

    def _check_inputs(self) -> None:
        rt.check_value(self._n, "num_hidden_layers", self.num_hidden_layers, "int", minimum=1)
        rt.check_value(
            self._n, "num_kv_heads (from num_key_value_heads)", self.num_kv_heads, "int", minimum=1
        )
        rt.check_value(self._n, "kv_channels", self.kv_channels, "int", minimum=1)
        rt.check_value(
            self._n, "max_position_embeddings", self.max_position_embeddings, "int", minimum=1
        )

    def _check_rules(self) -> None:
        return

    @property
    def model_max_seq_len(self) -> int:
        """Longest sequence the model supports."""
        return self.max_position_embeddings

    def _layer_kinds(self) -> list[str]:
        count = self.num_hidden_layers
        return [rt.layer_kind(self._n, "layers.kind", i, "full") for i in range(count)]

    def _layer(self, i: int, kind: str, kinds: list[str]) -> LayerSpec:
        return rt.layer_spec(
            self._n,
            i,
            kind,
            window=None,
            num_kv_heads=self.num_kv_heads,
            k_head_dim=self.kv_channels,
            v_head_dim=self.kv_channels,
            kv_source=None,
            kinds=kinds,
            fields=(
                "layers.window",
                "num_key_value_heads",
                "kv_channels",
                "kv_channels",
                "layers.kv_source",
            ),
        )
