# generated from schemas/gemma2.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=6253ee27470f2216 content=ecf8ea2b517caad0
"""Gemma2Config: Gemma2 decoder (sliding-window and full-attention layers alternate)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
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


class Gemma2Config(LlamaConfig, kw_only=True, dict=True):
    """Gemma2 decoder (sliding-window and full-attention layers alternate)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gemma2",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Gemma2ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/gemma2.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
        rt.Input("explicit_head_dim", ("head_dim",), "int", default=256, minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=8192, minimum=1
        ),
        rt.Input(
            "sliding_window",
            ("sliding_window", "sliding_window_size"),
            "int",
            default=4096,
            minimum=1,
        ),
        rt.Input("layer_types", ("layer_types",), "list[str]", default=None),
    )

    explicit_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 256
    """Per-head width (transformers' default 256 when the config omits it)."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 8192
    """Longest sequence the positional encoding was trained for."""

    sliding_window: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """Tokens a sliding layer sees."""

    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
        if self.layer_types is not None:
            return rt.layer_kinds_from_list(
                self._n, "layer_types", self.layer_types, count, _KIND_NAMES
            )
        return [
            rt.layer_kind(self._n, "layers.kind", i, "sliding" if (i + 1) % 2 == 1 else "full")
            for i in range(count)
        ]

    def _layer(self, i: int, kind: str, kinds: list[str]) -> LayerSpec:
        return rt.layer_spec(
            self._n,
            i,
            kind,
            window=self.sliding_window if kind in ("sliding", "chunked") else None,
            num_kv_heads=self.kv_heads,
            k_head_dim=self.attn_head_dim,
            v_head_dim=self.attn_head_dim,
            kv_source=None,
            kinds=kinds,
            fields=(
                "sliding_window",
                "num_key_value_heads / num_attention_heads",
                "head_dim / hidden_size / num_attention_heads",
                "head_dim / hidden_size / num_attention_heads",
                "layers.kv_source",
            ),
        )
