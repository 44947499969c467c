# generated from schemas/fuyu.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=caaf443c0f60cf0c content=0f68e874e5c90902
"""FuyuConfig: Fuyu (Persimmon text decoder, flat or under text_config)."""

from __future__ import annotations

from typing import ClassVar

from generated.persimmon import PersimmonConfig
from kvarch import schema_runtime as rt
from kvarch.layers import LayerSpec


class FuyuConfig(PersimmonConfig, kw_only=True, dict=True):
    """Fuyu (Persimmon text decoder, flat or under text_config)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("fuyu",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("FuyuForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/fuyu.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        PersimmonConfig.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("text_config.num_hidden_layers", "num_hidden_layers"),
            "int",
            minimum=1,
        ),
        rt.Input(
            "num_attention_heads",
            ("text_config.num_attention_heads", "num_attention_heads"),
            "int",
            minimum=1,
        ),
        rt.Input("hidden_size", ("text_config.hidden_size", "hidden_size"), "int", minimum=1),
        rt.Input(
            "max_position_embeddings",
            ("text_config.max_position_embeddings", "max_position_embeddings"),
            "int",
            default=16384,
            minimum=1,
        ),
    )

    def _check_rules(self) -> None:
        ok = self.hidden_size % self.num_attention_heads == 0
        if not ok:
            rt.fail(
                self._n,
                "hidden_size (from text_config.hidden_size)",
                self.hidden_size,
                "a multiple of num_attention_heads",
            )

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "text_config.num_hidden_layers", self.num_hidden_layers)
        return [rt.layer_kind(self._n, "layers.kind", i, "full") for i in range(count)]

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
                "text_config.num_attention_heads",
                "text_config.hidden_size / text_config.num_attention_heads",
                "text_config.hidden_size / text_config.num_attention_heads",
                "layers.kv_source",
            ),
        )
