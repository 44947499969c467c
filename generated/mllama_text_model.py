# generated from schemas/mllama_text_model.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=2bc390e7612a2706 content=eaf16de2324c03e5
# ruff: noqa: E501
"""MllamaTextModelConfig: Llama 3.2 Vision text decoder (cross-attention layers keep vision K/V)."""

from __future__ import annotations

from typing import ClassVar

from generated.mllama import MllamaConfig
from kvarch import schema_runtime as rt
from kvarch.layers import LayerSpec


class MllamaTextModelConfig(MllamaConfig, kw_only=True, dict=True):
    """Llama 3.2 Vision text decoder (cross-attention layers keep vision K/V)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("mllama_text_model",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MllamaForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/mllama_text_model.yaml"
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
        ok = self.hidden_size % self.num_attention_heads == 0
        if not ok:
            rt.fail(self._n, "hidden_size", self.hidden_size, "a multiple of num_attention_heads")

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
        return [
            rt.layer_kind(
                self._n,
                "cross_attention_layers",
                i,
                "cross" if i in self.cross_attention_layers else "full",
            )
            for i in range(count)
        ]

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
                "hidden_size / num_attention_heads",
                "hidden_size / num_attention_heads",
                "layers.kv_source",
            ),
        )
