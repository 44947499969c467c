# generated from schemas/dory.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=da0cb03d26e4d4f5 content=9de04f557c60b514
# ruff: noqa: E501
"""DoryConfig: Dory decoder (looped recurrent section; each extra pass keeps its own cache copies)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt
from kvarch.layers import LayerSpec


class DoryConfig(LlamaConfig, kw_only=True, dict=True):
    """Dory decoder (looped recurrent section; each extra pass keeps its own cache copies)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("dory",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("DoryForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/dory.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=36,
            minimum=1,
        ),
        rt.Input(
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=16, minimum=1
        ),
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=4,
            minimum=1,
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=2560, minimum=1),
        rt.Input("explicit_head_dim", ("head_dim",), "int", default=256, minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=8192, minimum=1
        ),
        rt.Input("sliding_window", ("sliding_window",), "int", default=1024, minimum=1),
        rt.Input("layer_types", ("layer_types",), "list[str]", default=[]),
        rt.Input("n_input_layers", ("n_input_layers",), "int", default=8, minimum=0),
        rt.Input("n_output_layers", ("n_output_layers",), "int", default=8, minimum=0),
        rt.Input("n_recurrent_layers", ("n_recurrent_layers",), "int", default=None, minimum=1),
        rt.Input("n_recurrent_loops", ("n_recurrent_loops",), "int", default=2, minimum=1),
        rt.Input(
            "recurrent_kv_cache_mode", ("recurrent_kv_cache_mode",), "str", default="per_loop"
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 36
    """Decoder layers (doubled when layer_types interleaves mlp blocks)."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 16
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 4
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 2560
    """Model width."""

    explicit_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 256
    """Per-head width (transformers' default 256 when the config omits it)."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 8192
    """Longest sequence the positional encoding was trained for."""

    sliding_window: Annotated[int, msgspec.Meta(ge=1)] = 1024
    """Tokens a sliding layer sees."""

    layer_types: list[str] = msgspec.field(default_factory=list)
    """Per-block kind (full_attention / sliding_attention, maybe interleaved with mlp)."""

    n_input_layers: Annotated[int, msgspec.Meta(ge=0)] = 8
    """Layers before the recurrent section."""

    n_output_layers: Annotated[int, msgspec.Meta(ge=0)] = 8
    """Layers after the recurrent section."""

    n_recurrent_layers: Annotated[int, msgspec.Meta(ge=1)] | None = None
    """Layers of the recurrent section (default the rest)."""

    n_recurrent_loops: Annotated[int, msgspec.Meta(ge=1)] = 2
    """Passes through the recurrent section."""

    recurrent_kv_cache_mode: str = "per_loop"
    """per_loop (each pass keeps its own cache) or last_loop (one cache, last pass writes)."""

    def _check_rules(self) -> None:
        ok = self.num_attention_heads % self.kv_heads == 0
        if not ok:
            rt.fail(
                self._n,
                "num_kv_heads (from num_key_value_heads)",
                self.num_kv_heads,
                "a divisor of num_attention_heads",
            )
        ok = len(self.layer_types) == 0 or len(self.layer_types) == self.num_hidden_layers
        if not ok:
            rt.fail(
                self._n,
                "layer_types",
                self.layer_types,
                "one entry per block (num_hidden_layers entries)",
            )
        ok = self.recurrent_kv_cache_mode in ("per_loop", "last_loop")
        if not ok:
            rt.fail(
                self._n,
                "recurrent_kv_cache_mode",
                self.recurrent_kv_cache_mode,
                "per_loop or last_loop",
            )
        ok = (
            self.recurrent_layers >= 1
            and self.input_layers + self.recurrent_layers + self.n_output_layers // self.stride
            == self.decoder_layers
        )
        if not ok:
            rt.fail(
                self._n,
                "num_hidden_layers",
                self.num_hidden_layers,
                "n_input_layers + n_recurrent_layers + n_output_layers, with at least one recurrent layer",
            )

    @property
    def stride(self) -> int:
        """Blocks per decoder layer in layer_types (2 when mlp blocks are listed)."""
        return 2 if "mlp" in self.layer_types else 1

    @property
    def decoder_layers(self) -> int:
        """Derived: decoder_layers."""
        return self.num_hidden_layers // self.stride

    @property
    def input_layers(self) -> int:
        """Derived: input_layers."""
        return self.n_input_layers // self.stride

    @property
    def recurrent_layers(self) -> int:
        """Layers of the recurrent section."""
        return (
            rt.coalesce(self.n_recurrent_layers, 0) // self.stride
            if self.n_recurrent_layers is not None
            else self.decoder_layers - self.input_layers - self.n_output_layers // self.stride
        )

    @property
    def extra_slots(self) -> int:
        """Cache slots of the recurrent passes after the first."""
        return (
            (self.n_recurrent_loops - 1) * self.recurrent_layers
            if self.recurrent_kv_cache_mode == "per_loop"
            else 0
        )

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(
            self._n,
            "num_hidden_layers / layer_types / recurrent_kv_cache_mode / n_recurrent_loops / n_recurrent_layers / n_input_layers / n_output_layers",
            self.decoder_layers + self.extra_slots,
        )
        return [
            rt.layer_kind(
                self._n,
                "layer_types / num_hidden_layers / n_input_layers / n_recurrent_layers / n_output_layers",
                i,
                (
                    "full"
                    if self.layer_types[
                        self.stride
                        * (
                            i
                            if i < self.decoder_layers
                            else self.input_layers
                            + (i - self.decoder_layers) % self.recurrent_layers
                        )
                    ]
                    == "full_attention"
                    else "sliding"
                )
                if len(self.layer_types) > 0
                else "full"
                if (
                    (
                        i
                        if i < self.decoder_layers
                        else self.input_layers + (i - self.decoder_layers) % self.recurrent_layers
                    )
                    + 1
                )
                % 4
                == 0
                else "sliding",
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
                "sliding_window",
                "num_key_value_heads / num_attention_heads",
                "head_dim / hidden_size / num_attention_heads",
                "head_dim / hidden_size / num_attention_heads",
                "layers.kv_source",
            ),
        )
