# generated from schemas/got_ocr2.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=5465d103289c70c8 content=b9f97302fcb71adc
# ruff: noqa: E501
"""GotOcr2Config: GOT-OCR2 (Qwen2 text decoder under text_config)."""

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


# extends qwen3, but widens a type its class narrows: based on LlamaConfig instead
class GotOcr2Config(LlamaConfig, kw_only=True, dict=True):
    """GOT-OCR2 (Qwen2 text decoder under text_config)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("got_ocr2",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GotOcr2ForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/got_ocr2.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=16,
            keep_null=True,
            minimum=1,
        ),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=32768, minimum=1
        ),
        rt.Input("use_sliding_window", ("use_sliding_window",), "bool", default=False),
        rt.Input("sliding_window", ("sliding_window",), "int", default=4096, minimum=1),
        rt.Input("max_window_layers", ("max_window_layers",), "int", default=21, minimum=0),
        rt.Input("layer_types", ("layer_types",), "list[str]", default=None),
    )

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] | None = 16
    """KV heads (absent -> GOT's text default 16; null -> one per query head)."""

    explicit_head_dim: Annotated[int, msgspec.Meta(ge=1)] | None = None
    """Per-head width when given (else hidden_size / num_attention_heads)."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 32768
    """Longest sequence the positional encoding was trained for."""

    use_sliding_window: bool = False
    """Whether layers from max_window_layers on use the sliding window."""

    sliding_window: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """Tokens a sliding layer sees."""

    max_window_layers: Annotated[int, msgspec.Meta(ge=0)] = 21
    """First layer index that uses the sliding window."""

    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""

    def _check_rules(self) -> None:
        ok = self.num_attention_heads % self.kv_heads == 0
        if not ok:
            rt.fail(
                self._n,
                "num_kv_heads (from text_config.num_key_value_heads)",
                self.num_kv_heads,
                "a divisor of num_attention_heads",
            )
        ok = self.explicit_head_dim is not None or self.hidden_size % self.num_attention_heads == 0
        if not ok:
            rt.fail(
                self._n,
                "hidden_size (from text_config.hidden_size)",
                self.hidden_size,
                "a multiple of num_attention_heads (or set head_dim)",
            )

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "text_config.num_hidden_layers", self.num_hidden_layers)
        if self.layer_types is not None:
            return rt.layer_kinds_from_list(
                self._n, "text_config.layer_types", self.layer_types, count, _KIND_NAMES
            )
        return [
            rt.layer_kind(
                self._n,
                "text_config.use_sliding_window / text_config.sliding_window / text_config.max_window_layers",
                i,
                "sliding"
                if self.use_sliding_window
                and self.sliding_window is not None
                and (i >= self.max_window_layers)
                else "full",
            )
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
                "text_config.sliding_window",
                "text_config.num_key_value_heads / text_config.num_attention_heads",
                "text_config.head_dim / text_config.hidden_size / text_config.num_attention_heads",
                "text_config.head_dim / text_config.hidden_size / text_config.num_attention_heads",
                "layers.kv_source",
            ),
        )
