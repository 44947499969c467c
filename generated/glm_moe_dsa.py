# generated from schemas/glm_moe_dsa.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=c85333320e1da8a7 content=688c33b57f7ef20f
"""GlmMoeDsaConfig: GLM MoE DSA decoder (MLA latent KV cache; indexer key cache not counted)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated import _runtime as rt
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
    "indexed_attention": "full",
}


class GlmMoeDsaConfig(rt.SchemaArchConfig, kw_only=True, dict=True):
    """GLM MoE DSA decoder (MLA latent KV cache; indexer key cache not counted)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("glm_moe_dsa",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GlmMoeDsaForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/glm_moe_dsa.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ()
    INPUTS: ClassVar[tuple[rt.Input, ...]] = (
        rt.Input("num_hidden_layers", ("num_hidden_layers",), "int", default=78, minimum=1),
        rt.Input("num_attention_heads", ("num_attention_heads",), "int", default=64, minimum=1),
        rt.Input("kv_lora_rank", ("kv_lora_rank",), "int", default=512, minimum=1),
        rt.Input("qk_rope_head_dim", ("qk_rope_head_dim",), "int", default=64, minimum=1),
        rt.Input("qk_nope_head_dim", ("qk_nope_head_dim",), "int", default=192, minimum=1),
        rt.Input("v_head_dim", ("v_head_dim",), "int", default=256, minimum=1),
        rt.Input(
            "max_position_embeddings",
            ("max_position_embeddings",),
            "int",
            default=202752,
            minimum=1,
        ),
        rt.Input("layer_types", ("layer_types",), "list[str]", default=None),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 78
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 64
    """Query heads."""

    kv_lora_rank: Annotated[int, msgspec.Meta(ge=1)] = 512
    """Width of the compressed KV latent."""

    qk_rope_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 64
    """Width of the rotary key part shared by all heads."""

    qk_nope_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 192
    """Width of the non-rotary key part per head."""

    v_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 256
    """Value width per head."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 202752
    """Longest sequence (already the rope-extended length)."""

    layer_types: list[str] | None = None
    """Per-layer attention kind (transformers fills \"indexed_attention\")."""

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
        if self.layer_types is not None:
            return rt.layer_kinds_from_list(
                self._n, "layer_types", self.layer_types, count, _KIND_NAMES
            )
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
