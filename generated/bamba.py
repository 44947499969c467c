# generated from schemas/bamba.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=766de6aca24f871d content=399e0cd3250108db
"""BambaConfig: Bamba hybrid decoder (Mamba2 layers keep no KV; attention on attn_layer_indices)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class BambaConfig(LlamaConfig, kw_only=True, dict=True):
    """Bamba hybrid decoder (Mamba2 layers keep no KV; attention on attn_layer_indices)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("bamba",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("BambaForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/bamba.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=32,
            minimum=1,
        ),
        rt.Input(
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=32, minimum=1
        ),
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=8,
            keep_null=True,
            minimum=1,
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=4096, minimum=1),
        rt.Input(
            "max_position_embeddings",
            ("max_position_embeddings",),
            "int",
            default=262144,
            minimum=1,
        ),
        rt.Input("attn_layer_indices", ("attn_layer_indices",), "list[int]", default=[]),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] | None = 8
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """Model width."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 262144
    """Longest sequence the positional encoding was trained for."""

    attn_layer_indices: list[int] = msgspec.field(default_factory=list)
    """Indices of the attention layers (the others are Mamba2)."""

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
        return [
            rt.layer_kind(
                self._n, "attn_layer_indices", i, "full" if i in self.attn_layer_indices else "none"
            )
            for i in range(count)
        ]
