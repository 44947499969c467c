# generated from schemas/moss_transcribe_diarize.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=0cc87884c212d5c1 content=2f4de99dd4015844
# ruff: noqa: E501
"""MossTranscribeDiarizeConfig: MOSS transcribe-diarize (Qwen3 text decoder under text_config)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.qwen3 import Qwen3Config
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


class MossTranscribeDiarizeConfig(Qwen3Config, kw_only=True, dict=True):
    """MOSS transcribe-diarize (Qwen3 text decoder under text_config)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("moss_transcribe_diarize",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MossTranscribeDiarizeForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/moss_transcribe_diarize.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        Qwen3Config.INPUTS,
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=8,
            keep_null=True,
            minimum=1,
        ),
        rt.Input(
            "max_position_embeddings",
            ("max_position_embeddings",),
            "int",
            default=131072,
            minimum=1,
        ),
    )

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] | None = 8
    """KV heads (absent -> the model's text default 8; null -> one per query head)."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 131072
    """Longest sequence the positional encoding was trained for."""

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
