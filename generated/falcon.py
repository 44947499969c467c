# generated from schemas/falcon.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=0614372a6e0bb94d content=8119f80abddaf3c0
# ruff: noqa: E501
"""FalconConfig: Falcon decoder (new architecture GQA, multi-query, or multi-head; rotary or ALiBi)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.gpt2 import Gpt2Config
from kvarch import schema_runtime as rt
from kvarch.layers import LayerSpec


class FalconConfig(Gpt2Config, kw_only=True, dict=True):
    """Falcon decoder (new architecture GQA, multi-query, or multi-head; rotary or ALiBi)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("falcon",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("FalconForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/falcon.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        Gpt2Config.INPUTS,
        rt.Input("num_hidden_layers", ("num_hidden_layers", "n_layer"), "int", minimum=1),
        rt.Input("num_attention_heads", ("num_attention_heads", "n_head"), "int", minimum=1),
        rt.Input("hidden_size", ("n_embed", "hidden_size"), "int", minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=2048, minimum=1
        ),
        rt.Input("num_kv_heads", ("num_kv_heads", "n_head_kv"), "int", default=None, minimum=1),
        rt.Input("multi_query", ("multi_query",), "bool", default=True),
        rt.Input("new_decoder_architecture", ("new_decoder_architecture",), "bool", default=False),
    )

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 2048
    """Longest sequence the positional encoding covers."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] | None = None
    """KV head groups of the new decoder architecture (default num_attention_heads)."""

    multi_query: bool = True
    """Whether all query heads share one K/V head (old architecture only)."""

    new_decoder_architecture: bool = False
    """Falcon-40B layout (grouped K/V heads; multi_query ignored)."""

    def _check_rules(self) -> None:
        ok = self.hidden_size % self.num_attention_heads == 0
        if not ok:
            rt.fail(
                self._n,
                "hidden_size (from n_embed)",
                self.hidden_size,
                "a multiple of num_attention_heads",
            )
        ok = self.num_attention_heads % self.kv_heads == 0
        if not ok:
            rt.fail(self._n, "num_kv_heads", self.num_kv_heads, "a divisor of num_attention_heads")

    @property
    def kv_heads(self) -> int:
        """KV heads per layer."""
        return (
            rt.coalesce(self.num_kv_heads, self.num_attention_heads)
            if self.new_decoder_architecture
            else 1
            if self.multi_query
            else self.num_attention_heads
        )

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
                "new_decoder_architecture / num_kv_heads / num_attention_heads / multi_query",
                "n_embed / num_attention_heads",
                "n_embed / num_attention_heads",
                "layers.kv_source",
            ),
        )
