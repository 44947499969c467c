# generated from schemas/stablelm.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=f92f89715a316b60 content=96b39724744d887c
"""StableLmConfig: StableLM decoder (every layer full attention; head_dim = hidden / heads)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt
from kvarch.layers import LayerSpec


class StableLmConfig(LlamaConfig, kw_only=True, dict=True):
    """StableLM decoder (every layer full attention; head_dim = hidden / heads)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("stablelm",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("StableLmForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/stablelm.yaml"
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
            default=32,
            keep_null=True,
            minimum=1,
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=2560, minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=4096, minimum=1
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] | None = 32
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 2560
    """Model width."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """Longest sequence the positional encoding was trained for."""

    def _check_rules(self) -> None:
        ok = self.num_attention_heads % self.kv_heads == 0
        if not ok:
            rt.fail(
                self._n,
                "num_kv_heads (from num_key_value_heads)",
                self.num_kv_heads,
                "a divisor of num_attention_heads",
            )
        ok = self.hidden_size % self.num_attention_heads == 0
        if not ok:
            rt.fail(self._n, "hidden_size", self.hidden_size, "a multiple of num_attention_heads")

    @property
    def attn_head_dim(self) -> int:
        """Elements per K and V head (transformers ignores a head_dim in the config)."""
        return self.hidden_size // self.num_attention_heads

    def _layer(self, i: int, kind: str, kinds: list[str]) -> LayerSpec:
        return rt.layer_spec(
            self._n,
            i,
            kind,
            window=None,
            num_kv_heads=self.kv_heads,
            k_head_dim=self.attn_head_dim,
            v_head_dim=self.attn_head_dim,
            kv_source=None,
            kinds=kinds,
            fields=(
                "layers.window",
                "num_key_value_heads / num_attention_heads",
                "hidden_size / num_attention_heads",
                "hidden_size / num_attention_heads",
                "layers.kv_source",
            ),
        )
