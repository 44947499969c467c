# generated from schemas/gpt_neo.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=4890b0d2ad0878da content=0c1d331ed0c17363
"""GptNeoConfig: GPT-Neo decoder (global and local (window_size) layers from attention_types)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.gpt2 import Gpt2Config
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


class GptNeoConfig(Gpt2Config, kw_only=True, dict=True):
    """GPT-Neo decoder (global and local (window_size) layers from attention_types)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gpt_neo",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GPTNeoForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/gpt_neo.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        Gpt2Config.INPUTS,
        rt.Input("num_hidden_layers", ("num_layers", "num_hidden_layers"), "int", minimum=1),
        rt.Input("num_attention_heads", ("num_heads", "num_attention_heads"), "int", minimum=1),
        rt.Input("hidden_size", ("hidden_size",), "int", minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=2048, minimum=1
        ),
        rt.Input("window_size", ("window_size",), "int", default=256, minimum=1),
        rt.Input("attention_layers", ("attention_layers",), "list[str]", default=None),
        rt.Input("pattern", ("attention_types.0.0",), "list[str]", default=["global", "local"]),
        rt.Input("repeat", ("attention_types.0.1",), "int", default=12, minimum=1),
        rt.Input("second_group", ("attention_types.1.0",), "list[str]", default=None),
    )

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 2048
    """Longest sequence the positional encoding covers."""

    window_size: Annotated[int, msgspec.Meta(ge=1)] = 256
    """Tokens a local layer sees."""

    attention_layers: list[str] | None = None
    """Per-layer 'global' / 'local' (saved configs list it)."""

    pattern: list[str] = msgspec.field(default_factory=lambda: ["global", "local"])
    """The repeated layer pattern of attention_types (first group)."""

    repeat: Annotated[int, msgspec.Meta(ge=1)] = 12
    """How often attention_types repeats its pattern."""

    second_group: list[str] | None = None
    """A second attention_types group (only with attention_layers)."""

    def _check_rules(self) -> None:
        ok = self.hidden_size % self.num_attention_heads == 0
        if not ok:
            rt.fail(self._n, "hidden_size", self.hidden_size, "a multiple of num_attention_heads")
        ok = self.attention_layers is not None or self.second_group is None
        if not ok:
            rt.fail(
                self._n,
                "second_group (from attention_types.1.0)",
                self.second_group,
                "one [pattern, repeat] group in attention_types (or list attention_layers)",
            )
        ok = (
            self.attention_layers is not None
            or len(self.pattern) * self.repeat == self.num_hidden_layers
        )
        if not ok:
            rt.fail(
                self._n,
                "repeat (from attention_types.0.1)",
                self.repeat,
                "len(pattern) * repeat == num_layers",
            )

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_layers", self.num_hidden_layers)
        if self.attention_layers is not None:
            return rt.layer_kinds_from_list(
                self._n, "attention_layers", self.attention_layers, count, _KIND_NAMES
            )
        return [
            rt.layer_kind(
                self._n,
                "attention_types.0.0",
                i,
                "sliding"
                if self.pattern[i % len(self.pattern)] == "local"
                else "full"
                if self.pattern[i % len(self.pattern)] == "global"
                else self.pattern[i % len(self.pattern)],
            )
            for i in range(count)
        ]

    def _layer(self, i: int, kind: str, kinds: list[str]) -> LayerSpec:
        return rt.layer_spec(
            self._n,
            i,
            kind,
            window=self.window_size if kind in ("sliding", "chunked") else None,
            num_kv_heads=self.kv_heads,
            k_head_dim=self.attn_head_dim,
            v_head_dim=self.attn_head_dim,
            kv_source=None,
            kinds=kinds,
            fields=(
                "window_size",
                "num_heads",
                "hidden_size / num_heads",
                "hidden_size / num_heads",
                "layers.kv_source",
            ),
        )
