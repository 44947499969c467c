# generated from schemas/gpt_neox.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=e953bc9877bde3e4 content=dabc86273a004b40
"""GptNeoxConfig: GPT-NeoX decoder (multi-head attention, head_dim = hidden_size / heads)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.gpt2 import Gpt2Config
from kvarch import schema_runtime as rt
from kvarch.layers import LayerSpec


class GptNeoxConfig(Gpt2Config, kw_only=True, dict=True):
    """GPT-NeoX decoder (multi-head attention, head_dim = hidden_size / heads)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gpt_neox",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GPTNeoXForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/gpt_neox.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        Gpt2Config.INPUTS,
        rt.Input("num_hidden_layers", ("num_hidden_layers",), "int", minimum=1),
        rt.Input("num_attention_heads", ("num_attention_heads",), "int", minimum=1),
        rt.Input("hidden_size", ("hidden_size",), "int", minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=2048, minimum=1
        ),
    )

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 2048
    """Longest sequence the positional encoding covers."""

    def _check_rules(self) -> None:
        ok = self.hidden_size % self.num_attention_heads == 0
        if not ok:
            rt.fail(self._n, "hidden_size", self.hidden_size, "a multiple of num_attention_heads")

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
                "num_attention_heads",
                "hidden_size / num_attention_heads",
                "hidden_size / num_attention_heads",
                "layers.kv_source",
            ),
        )
