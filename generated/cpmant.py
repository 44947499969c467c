# generated from schemas/cpmant.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=bdefd407e6ea077d content=dc26aaed25b40b2b
"""CpmantConfig: CPM-Ant decoder (multi-head attention, head width dim_head)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from kvarch import schema_runtime as rt
from kvarch.layers import LayerSpec


class CpmantConfig(rt.SchemaArchConfig, kw_only=True, dict=True):
    """CPM-Ant decoder (multi-head attention, head width dim_head)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("cpmant",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("CpmAntForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/cpmant.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ()
    INPUTS: ClassVar[tuple[rt.Input, ...]] = (
        rt.Input("num_hidden_layers", ("num_hidden_layers",), "int", minimum=1),
        rt.Input("num_attention_heads", ("num_attention_heads",), "int", minimum=1),
        rt.Input("dim_head", ("dim_head",), "int", default=128, minimum=1),
        rt.Input(
            "position_bias_max_distance",
            ("position_bias_max_distance",),
            "int",
            default=2048,
            minimum=1,
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)]
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)]
    """Attention heads (each keeps its own K/V head)."""

    dim_head: Annotated[int, msgspec.Meta(ge=1)] = 128
    """Elements per K and V head."""

    position_bias_max_distance: Annotated[int, msgspec.Meta(ge=1)] = 2048
    """Distance where relative position buckets saturate (the length bound)."""

    def _check_rules(self) -> None:
        return

    @property
    def model_max_seq_len(self) -> int:
        """Longest sequence the model supports."""
        return self.position_bias_max_distance

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
        return [rt.layer_kind(self._n, "layers.kind", i, "full") for i in range(count)]

    def _layer(self, i: int, kind: str, kinds: list[str]) -> LayerSpec:
        return rt.layer_spec(
            self._n,
            i,
            kind,
            window=None,
            num_kv_heads=self.num_attention_heads,
            k_head_dim=self.dim_head,
            v_head_dim=self.dim_head,
            kv_source=None,
            kinds=kinds,
            fields=(
                "layers.window",
                "num_attention_heads",
                "dim_head",
                "dim_head",
                "layers.kv_source",
            ),
        )
