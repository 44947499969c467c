# generated from schemas/emu3_text_model.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=2371edb19c8b0922 content=da3ec74e75546cea
# ruff: noqa: E501
"""Emu3TextModelConfig: Emu3 text decoder (Llama geometry; the config Emu3ForCausalLM itself holds)."""

from __future__ import annotations

from typing import ClassVar

from generated.emu3 import Emu3Config
from kvarch import schema_runtime as rt
from kvarch.layers import LayerSpec


class Emu3TextModelConfig(Emu3Config, kw_only=True, dict=True):
    """Emu3 text decoder (Llama geometry; the config Emu3ForCausalLM itself holds)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("emu3_text_model",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Emu3ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/emu3_text_model.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ()

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
