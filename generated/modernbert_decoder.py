# generated from schemas/modernbert_decoder.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=f92967c8f510feb6 content=8dc6bc30bc02228e
# ruff: noqa: E501
"""ModernbertDecoderConfig: ModernBERT decoder (full every Nth layer, else sliding local_attention / 2)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.gpt_neox import GptNeoxConfig
from kvarch import schema_runtime as rt
from kvarch.layers import LayerSpec

_KIND_NAMES: dict[str, str] = {
    "full_attention": "full",
    "attention": "full",
    "global": "full",
    "sliding_attention": "sliding",
    "local": "sliding",
    "chunked_attention": "chunked",
    "cross_attention": "cross",
    "mamba": "none",
    "mamba2": "none",
    "linear_attention": "none",
    "conv": "none",
}


class ModernbertDecoderConfig(GptNeoxConfig, kw_only=True, dict=True):
    """ModernBERT decoder (full every Nth layer, else sliding local_attention / 2)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("modernbert-decoder",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("ModernBertDecoderForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/modernbert_decoder.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        GptNeoxConfig.INPUTS,
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=8192, minimum=1
        ),
        rt.Input("local_attention", ("local_attention",), "int", default=128, minimum=2),
        rt.Input("sliding_window", ("sliding_window",), "int", default=None, minimum=1),
        rt.Input(
            "global_attn_every_n_layers",
            ("global_attn_every_n_layers",),
            "int",
            default=3,
            minimum=1,
        ),
        rt.Input("layer_types", ("layer_types",), "list[str]", default=None),
    )

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 8192
    """Longest sequence the positional encoding covers."""

    local_attention: Annotated[int, msgspec.Meta(ge=2)] = 128
    """ModernBERT's local window; the decoder's sliding window is half of it."""

    sliding_window: Annotated[int, msgspec.Meta(ge=1)] | None = None
    """Tokens a sliding layer sees, when given (else local_attention // 2)."""

    global_attn_every_n_layers: Annotated[int, msgspec.Meta(ge=1)] = 3
    """Without layer_types, layers i with i % N == 0 are full attention."""

    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
        if self.layer_types is not None:
            return rt.layer_kinds_from_list(
                self._n, "layer_types", self.layer_types, count, _KIND_NAMES
            )
        return [
            rt.layer_kind(
                self._n,
                "global_attn_every_n_layers",
                i,
                "full" if i % self.global_attn_every_n_layers == 0 else "sliding",
            )
            for i in range(count)
        ]

    def _layer(self, i: int, kind: str, kinds: list[str]) -> LayerSpec:
        return rt.layer_spec(
            self._n,
            i,
            kind,
            window=rt.coalesce(self.sliding_window, self.local_attention // 2)
            if kind in ("sliding", "chunked")
            else None,
            num_kv_heads=self.kv_heads,
            k_head_dim=self.attn_head_dim,
            v_head_dim=self.attn_head_dim,
            kv_source=None,
            kinds=kinds,
            fields=(
                "sliding_window / local_attention",
                "num_attention_heads",
                "hidden_size / num_attention_heads",
                "hidden_size / num_attention_heads",
                "layers.kv_source",
            ),
        )
