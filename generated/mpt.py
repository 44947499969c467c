# generated from schemas/mpt.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=6217bbdd459a0503 content=ab5f9d708b00a826
"""MptConfig: MPT decoder (multi-head attention, ALiBi; attn_config.kv_n_heads when present)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.gpt2 import Gpt2Config
from kvarch import schema_runtime as rt
from kvarch.layers import LayerSpec


class MptConfig(Gpt2Config, kw_only=True, dict=True):
    """MPT decoder (multi-head attention, ALiBi; attn_config.kv_n_heads when present)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("mpt",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MptForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/mpt.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        Gpt2Config.INPUTS,
        rt.Input("num_hidden_layers", ("n_layers", "num_hidden_layers"), "int", minimum=1),
        rt.Input("num_attention_heads", ("n_heads", "num_attention_heads"), "int", minimum=1),
        rt.Input("hidden_size", ("d_model", "hidden_size"), "int", minimum=1),
        rt.Input(
            "max_position_embeddings",
            ("max_seq_len", "max_position_embeddings"),
            "int",
            default=2048,
            minimum=1,
        ),
        rt.Input("num_kv_heads", ("attn_config.kv_n_heads",), "int", default=None, minimum=1),
    )

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 2048
    """Longest sequence (max_seq_len)."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] | None = None
    """KV heads of a grouped-query MPT (llm-foundry); null means one per query head."""

    def _check_rules(self) -> None:
        ok = self.hidden_size % self.num_attention_heads == 0
        if not ok:
            rt.fail(
                self._n,
                "hidden_size (from d_model)",
                self.hidden_size,
                "a multiple of num_attention_heads",
            )
        ok = self.num_attention_heads % self.kv_heads == 0
        if not ok:
            rt.fail(
                self._n,
                "num_kv_heads (from attn_config.kv_n_heads)",
                self.num_kv_heads,
                "a divisor of n_heads",
            )

    @property
    def kv_heads(self) -> int:
        """KV heads per layer."""
        return rt.coalesce(self.num_kv_heads, self.num_attention_heads)

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "n_layers", self.num_hidden_layers)
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
                "attn_config.kv_n_heads / n_heads",
                "d_model / n_heads",
                "d_model / n_heads",
                "layers.kv_source",
            ),
        )
