# generated from schemas/golden.yaml by `make generate`; do not edit.
# kvarch-digest: render=6494942643e0f33b content=4c8031a67d9861f6
from typing import Annotated, ClassVar

from kvarch import schema_runtime as rt


class GoldenConfig(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """Golden test family: \"quotes\", 'single', back\\slash and \"\"\"triple\"\"\"."""

    SCHEMA: ClassVar[str] = "schemas/golden.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config", "llm_config")
    KIND_LIST: ClassVar[str | None] = "layer_types"
    KIND_NAMES = rt.kind_names({"hybrid": "full"})

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", ge=1)]
    """HF field num_hidden_layers / n_layer."""
    num_attention_heads: rt.Positive
    """HF field num_attention_heads."""
    num_kv_heads: (
        Annotated[int, rt.hf("num_key_value_heads", "attn_config.kv_n_heads", ge=1)] | None
    ) = None
    """HF field num_key_value_heads / attn_config.kv_n_heads."""
    explicit_head_dim: rt.HeadDim | None = None
    """HF field head_dim."""
    hidden_size: rt.Positive
    """HF field hidden_size."""
    global_head_dim: rt.Positive | None = None
    """HF field global_head_dim."""
    sliding_window: rt.Positive | None = None
    """HF field sliding_window."""
    num_kv_shared_layers: rt.NonNegative = 0
    """HF field num_kv_shared_layers."""
    layer_types: list[str] | None = None
    """HF field layer_types."""
    rope_type: Annotated[str, rt.hf("rope_scaling.rope_type", "rope_scaling.type")] | None = None
    """HF field rope_scaling.rope_type / rope_scaling.type."""
    rope_factor: Annotated[float, rt.hf("rope_scaling.factor")] | None = None
    """HF field rope_scaling.factor."""
    max_position_embeddings: rt.Positive = 4096
    """HF field max_position_embeddings."""

    def _checks(self) -> rt.Checks:
        yield (
            "num_kv_heads",
            "a divisor of num_attention_heads",
            self.num_attention_heads % self.kv_heads == 0,
        )
        yield (
            "num_kv_shared_layers",
            "fewer than num_hidden_layers",
            self.num_kv_shared_layers < self.num_hidden_layers,
        )

    @property
    def kv_heads(self) -> int:
        return rt.coalesce(self.num_kv_heads, self.num_attention_heads)

    @property
    def attn_head_dim(self) -> int:
        """Head width of sliding layers."""
        return rt.coalesce(self.explicit_head_dim, self.hidden_size // self.num_attention_heads)

    @property
    def first_shared(self) -> int:
        return self.num_hidden_layers - self.num_kv_shared_layers

    _count = rt.from_input("num_hidden_layers")

    def _kind(self, i: int) -> str:
        return "full" if (i + 1) % 6 == 0 else "sliding"

    _window = rt.from_input("sliding_window")
    _num_kv_heads = rt.from_derived("kv_heads", "num_kv_heads", "num_attention_heads")

    @rt.reads("global_head_dim", "explicit_head_dim", "hidden_size", "num_attention_heads")
    def _k_head_dim(self, i: int, kind: str, kinds: list[str]) -> int:
        return (
            rt.coalesce(self.global_head_dim, self.attn_head_dim)
            if kind == "full"
            else self.attn_head_dim
        )

    @rt.reads("num_hidden_layers", "num_kv_shared_layers")
    def _kv_source(self, i: int, kind: str, kinds: list[str]) -> int | None:
        return rt.last_index(kinds, kind, self.first_shared) if i >= self.first_shared else None

    @rt.reads("rope_type", "max_position_embeddings", "rope_factor")
    def _max_length(self) -> int | None:
        return (
            int(self.max_position_embeddings * rt.coalesce(self.rope_factor, 1.0))
            if self.rope_type in ("dynamic", "linear")
            else self.max_position_embeddings
        )
