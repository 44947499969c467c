# generated from schemas/minicpm3.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=2bc52daaee881641 content=4a75cac484121ab1
"""MiniCPM3Config: MiniCPM3 decoder with multi-head latent attention (latent KV cache)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from kvarch import schema_runtime as rt
from kvarch.layers import LayerSpec


# extends deepseek_v3, but widens a type its class narrows: based on rt.SchemaArchConfig instead
class MiniCPM3Config(rt.SchemaArchConfig, kw_only=True, dict=True):
    """MiniCPM3 decoder with multi-head latent attention (latent KV cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("minicpm3",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MiniCPM3ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/minicpm3.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ()
    INPUTS: ClassVar[tuple[rt.Input, ...]] = (
        rt.Input("num_hidden_layers", ("num_hidden_layers",), "int", default=62, minimum=1),
        rt.Input("num_attention_heads", ("num_attention_heads",), "int", default=40, minimum=1),
        rt.Input("kv_lora_rank", ("kv_lora_rank",), "int", default=256, minimum=1),
        rt.Input("qk_rope_head_dim", ("qk_rope_head_dim",), "int", default=32, minimum=1),
        rt.Input("qk_nope_head_dim", ("qk_nope_head_dim",), "int", default=64, minimum=1),
        rt.Input("v_head_dim", ("v_head_dim",), "int", default=None, minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=32768, minimum=1
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 62
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 40
    """Query heads."""

    kv_lora_rank: Annotated[int, msgspec.Meta(ge=1)] = 256
    """Width of the compressed KV latent."""

    qk_rope_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Width of the rotary key part shared by all heads."""

    qk_nope_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 64
    """Width of the non-rotary key part per head."""

    v_head_dim: Annotated[int, msgspec.Meta(ge=1)] | None = None
    """Value width per head (null means hidden_size / num_attention_heads)."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 32768
    """Longest sequence (already the rope-extended length)."""

    def _check_rules(self) -> None:
        return

    @property
    def model_max_seq_len(self) -> int:
        """Longest sequence the model supports."""
        return self.max_position_embeddings

    def _mla_latent_dim(self) -> int | None:
        return self.kv_lora_rank + self.qk_rope_head_dim

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
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
