# generated from schemas/gpt_bigcode.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=ad18fa1dcda33892 content=daae24152bc7140f
"""GptBigcodeConfig: GPT-BigCode decoder (multi_query -> one K/V head; else multi-head)."""

from __future__ import annotations

from typing import ClassVar

from generated.gpt2 import Gpt2Config
from kvarch import schema_runtime as rt
from kvarch.layers import LayerSpec


class GptBigcodeConfig(Gpt2Config, kw_only=True, dict=True):
    """GPT-BigCode decoder (multi_query -> one K/V head; else multi-head)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gpt_bigcode",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GPTBigCodeForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/gpt_bigcode.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        Gpt2Config.INPUTS,
        rt.Input("multi_query", ("multi_query",), "bool", default=True),
    )

    multi_query: bool = True
    """Whether all query heads share one K/V head."""

    @property
    def kv_heads(self) -> int:
        """KV heads per layer (1 under multi_query)."""
        return 1 if self.multi_query else self.num_attention_heads

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
                "multi_query / n_head",
                "n_embd / n_head",
                "n_embd / n_head",
                "layers.kv_source",
            ),
        )
