# generated from schemas/dory.yaml by `make generate`; do not edit.
# kvarch-digest: render=ff011e241bf096ad content=539694cc51ac7908
from typing import ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class DoryConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Dory decoder (looped recurrent section; each extra pass keeps its own cache copies)."""

    SCHEMA: ClassVar[str] = "schemas/dory.yaml"

    num_hidden_layers: rt.Layers = 36
    """Decoder layers (doubled when layer_types interleaves mlp blocks)."""
    num_attention_heads: rt.Heads = 16
    num_kv_heads: rt.KvHeads = 4
    hidden_size: rt.Width = 2560
    explicit_head_dim: rt.HeadDim = 256
    """Per-head width (transformers' default 256 when the config omits it)."""
    max_position_embeddings: rt.Positive = 8192
    sliding_window: rt.Positive = 1024
    """Tokens a sliding layer sees."""
    layer_types: list[str] = msgspec.field(default_factory=list)
    """Per-block kind (full_attention / sliding_attention, maybe interleaved with mlp)."""
    n_input_layers: rt.NonNegative = 8
    """Layers before the recurrent section."""
    n_output_layers: rt.NonNegative = 8
    """Layers after the recurrent section."""
    n_recurrent_layers: rt.Positive | None = None
    """Layers of the recurrent section (default the rest)."""
    n_recurrent_loops: rt.Positive = 2
    """Passes through the recurrent section."""
    recurrent_kv_cache_mode: str = "per_loop"
    """per_loop (each pass keeps its own cache) or last_loop (one cache, last pass writes)."""

    def _checks(self) -> rt.Checks:
        yield from rt.first_checks(super()._checks(), 1)
        yield (
            "layer_types",
            "one entry per block (num_hidden_layers entries)",
            len(self.layer_types) == 0 or len(self.layer_types) == self.num_hidden_layers,
        )
        yield (
            "recurrent_kv_cache_mode",
            "per_loop or last_loop",
            self.recurrent_kv_cache_mode in ("per_loop", "last_loop"),
        )
        yield (
            "num_hidden_layers",
            (
                "n_input_layers + n_recurrent_layers + "
                "n_output_layers, with at least one recurrent layer"
            ),
            self.recurrent_layers >= 1
            and self.input_layers + self.recurrent_layers + self.n_output_layers // self.stride
            == self.decoder_layers,
        )

    @property
    def stride(self) -> int:
        """Blocks per decoder layer in layer_types (2 when mlp blocks are listed)."""
        return 2 if "mlp" in self.layer_types else 1

    @property
    def decoder_layers(self) -> int:
        return self.num_hidden_layers // self.stride

    @property
    def input_layers(self) -> int:
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

    def _let_decoder_layer(self, i: int) -> int:
        return (
            i
            if i < self.decoder_layers
            else self.input_layers + (i - self.decoder_layers) % self.recurrent_layers
        )

    @rt.reads(
        "num_hidden_layers",
        "layer_types",
        "recurrent_kv_cache_mode",
        "n_recurrent_loops",
        "n_recurrent_layers",
        "n_input_layers",
        "n_output_layers",
    )
    def _count(self) -> int:
        return self.decoder_layers + self.extra_slots

    @rt.reads(
        "layer_types",
        "num_hidden_layers",
        "n_input_layers",
        "n_recurrent_layers",
        "n_output_layers",
    )
    def _kind(self, i: int) -> str:
        return (
            (
                "full"
                if self.layer_types[self.stride * self._let_decoder_layer(i)] == "full_attention"
                else "sliding"
            )
            if len(self.layer_types) > 0
            else "full"
            if (self._let_decoder_layer(i) + 1) % 4 == 0
            else "sliding"
        )

    _window = rt.from_input("sliding_window")
