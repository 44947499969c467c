# generated from schemas/jetmoe.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=51ef3dd72f7e667e content=434b5defda3f7d43
"""JetMoeConfig: JetMoE decoder (mixture of attention heads; KV heads of width kv_channels)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from kvarch import schema_runtime as rt
from kvarch.layers import LayerSpec


class JetMoeConfig(rt.SchemaArchConfig, kw_only=True, dict=True):
    """JetMoE decoder (mixture of attention heads; KV heads of width kv_channels)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("jetmoe",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("JetMoeForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/jetmoe.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ()
    INPUTS: ClassVar[tuple[rt.Input, ...]] = (
        rt.Input("num_hidden_layers", ("num_hidden_layers",), "int", default=12, minimum=1),
        rt.Input("num_kv_heads", ("num_key_value_heads",), "int", default=16, minimum=1),
        rt.Input("kv_channels", ("kv_channels", "head_dim"), "int", default=128, minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=4096, minimum=1
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 12
    """Decoder layers."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 16
    """KV heads per layer (shared by the attention experts)."""

    kv_channels: Annotated[int, msgspec.Meta(ge=1)] = 128
    """Elements per K and V head."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """Longest sequence the positional encoding was trained for."""

    def _check_rules(self) -> None:
        return

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
