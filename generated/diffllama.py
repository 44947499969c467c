# generated from schemas/diffllama.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=7eb4be9c382bd8e2 content=aa6db3cce6cd17e5
# ruff: noqa: E501
"""DiffLlamaConfig: DiffLlama decoder (differential attention, Llama cache geometry, even KV heads)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class DiffLlamaConfig(LlamaConfig, kw_only=True, dict=True):
    """DiffLlama decoder (differential attention, Llama cache geometry, even KV heads)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("diffllama",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("DiffLlamaForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/diffllama.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=16,
            minimum=1,
        ),
        rt.Input(
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=32, minimum=1
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=2048, minimum=1),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 16
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Query heads."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 2048
    """Model width."""

    def _check_rules(self) -> None:
        ok = self.num_attention_heads % self.kv_heads == 0
        if not ok:
            rt.fail(
                self._n,
                "num_kv_heads (from num_key_value_heads)",
                self.num_kv_heads,
                "a divisor of num_attention_heads",
            )
        ok = self.kv_heads % 2 == 0
        if not ok:
            rt.fail(
                self._n,
                "num_kv_heads (from num_key_value_heads)",
                self.num_kv_heads,
                "an even number (differential attention splits the KV heads in halves)",
            )
        ok = self.explicit_head_dim is not None or self.hidden_size % self.num_attention_heads == 0
        if not ok:
            rt.fail(
                self._n,
                "hidden_size",
                self.hidden_size,
                "a multiple of num_attention_heads (or set head_dim)",
            )
