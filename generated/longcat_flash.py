# generated from schemas/longcat_flash.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=706a2436e65e2021 content=1b9b6b5fa23bfcc1
# ruff: noqa: E501
"""LongcatFlashConfig: LongCat-Flash decoder: each of num_layers blocks holds two MLA sublayers, each with its own latent cache."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from kvarch import schema_runtime as rt
from kvarch.layers import LayerSpec


# extends deepseek_v3, but widens a type its class narrows: based on rt.SchemaArchConfig instead
class LongcatFlashConfig(rt.SchemaArchConfig, kw_only=True, dict=True):
    """LongCat-Flash decoder: each of num_layers blocks holds two MLA sublayers, each with its own latent cache."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("longcat_flash",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("LongcatFlashForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/longcat_flash.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ()
    INPUTS: ClassVar[tuple[rt.Input, ...]] = (
        rt.Input("num_hidden_layers", ("num_layers",), "int", default=None, minimum=1),
        rt.Input("num_attention_heads", ("num_attention_heads",), "int", default=64, minimum=1),
        rt.Input("kv_lora_rank", ("kv_lora_rank",), "int", default=512, minimum=1),
        rt.Input("qk_rope_head_dim", ("qk_rope_head_dim",), "int", default=64, minimum=1),
        rt.Input("qk_nope_head_dim", ("qk_nope_head_dim",), "int", default=128, minimum=1),
        rt.Input("v_head_dim", ("v_head_dim",), "int", default=128, minimum=1),
        rt.Input(
            "max_position_embeddings",
            ("max_position_embeddings",),
            "int",
            default=131072,
            minimum=1,
        ),
        rt.Input("attention_sublayers", ("num_hidden_layers",), "int", default=None, minimum=2),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] | None = None
    """Decoder blocks (num_layers); each holds two attention sublayers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 64
    """Query heads."""

    kv_lora_rank: Annotated[int, msgspec.Meta(ge=1)] = 512
    """Width of the compressed KV latent."""

    qk_rope_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 64
    """Width of the rotary key part shared by all heads."""

    qk_nope_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 128
    """Width of the non-rotary key part per head."""

    v_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 128
    """Value width per head."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 131072
    """Longest sequence (already the rope-extended length)."""

    attention_sublayers: Annotated[int, msgspec.Meta(ge=2)] | None = None
    """Attention sublayers (2 x num_layers), when the config gives this instead."""

    def _check_rules(self) -> None:
        return

    @property
    def cache_layers(self) -> int:
        """Attention sublayers, each with its own latent cache (2 per block; default 28 blocks)."""
        return (
            2 * rt.coalesce(self.num_hidden_layers, 0)
            if self.num_hidden_layers is not None
            else rt.coalesce(self.attention_sublayers, 56) // 2 * 2
        )

    @property
    def model_max_seq_len(self) -> int:
        """Longest sequence the model supports."""
        return self.max_position_embeddings

    def _mla_latent_dim(self) -> int | None:
        return self.kv_lora_rank + self.qk_rope_head_dim

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_layers / num_hidden_layers", self.cache_layers)
        return [rt.layer_kind(self._n, "layers.kind", i, "full") for i in range(count)]

    def _layer(self, i: int, kind: str, kinds: list[str]) -> LayerSpec:
        return rt.layer_spec(
            self._n,
            i,
            kind,
            window=None,
            num_kv_heads=1,
            k_head_dim=self.kv_lora_rank,
            v_head_dim=self.qk_rope_head_dim,
            kv_source=None,
            kinds=kinds,
            fields=(
                "layers.window",
                "layers.num_kv_heads",
                "kv_lora_rank",
                "qk_rope_head_dim",
                "layers.kv_source",
            ),
        )
