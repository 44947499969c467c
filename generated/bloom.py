# generated from schemas/bloom.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=aa3fefe64902f7f3 content=74836be624999692
# ruff: noqa: E501
"""BloomConfig: BLOOM decoder (multi-head attention, ALiBi; length bound 2048 unless seq_length says)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.gpt2 import Gpt2Config
from kvarch import schema_runtime as rt
from kvarch.layers import LayerSpec


class BloomConfig(Gpt2Config, kw_only=True, dict=True):
    """BLOOM decoder (multi-head attention, ALiBi; length bound 2048 unless seq_length says)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("bloom",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("BloomForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/bloom.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        Gpt2Config.INPUTS,
        rt.Input("hidden_size", ("n_embed", "hidden_size"), "int", minimum=1),
        rt.Input(
            "max_position_embeddings",
            ("seq_length", "max_position_embeddings", "n_positions"),
            "int",
            default=2048,
            minimum=1,
        ),
    )

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 2048
    """Longest sequence (seq_length when the config has it; ALiBi has no table)."""

    def _check_rules(self) -> None:
        ok = self.hidden_size % self.num_attention_heads == 0
        if not ok:
            rt.fail(
                self._n,
                "hidden_size (from n_embed)",
                self.hidden_size,
                "a multiple of num_attention_heads",
            )

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
                "n_head",
                "n_embed / n_head",
                "n_embed / n_head",
                "layers.kv_source",
            ),
        )
