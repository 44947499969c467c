# generated from schemas/zamba2.yaml by `make generate`; do not edit.
# kvarch-digest: render=c2f4d055838bf418 content=eb3614de9a5aca1c
from typing import Annotated, ClassVar

from generated.mamba2_hybrid import Mamba2HybridConfig
from kvarch import schema_runtime as rt


class Zamba2Config(Mamba2HybridConfig, frozen=True, kw_only=True, dict=True):
    """Zamba2 hybrid decoder (Mamba2 layers keep no KV; hybrid layers run shared attention)."""

    SCHEMA: ClassVar[str] = "schemas/zamba2.yaml"
    KIND_LIST: ClassVar[str | None] = "layers_block_type"
    KIND_NAMES = rt.kind_names({"hybrid": "full"})

    num_hidden_layers: rt.Positive = 54
    num_attention_heads: rt.Positive = 32
    num_kv_heads: Annotated[int, rt.hf("num_key_value_heads", ge=1)] | None = None
    hidden_size: rt.Positive = 2560
    explicit_head_dim: Annotated[int, rt.hf("attention_head_dim", "head_dim", ge=1)] | None = None
    """Per-head width when the config gives it (else 2 * hidden_size / heads)."""
    max_position_embeddings: rt.Positive = 4096
    mamba_n_heads: Annotated[int, rt.hf("n_mamba_heads", ge=1)] = 8
    mamba_n_groups: Annotated[int, rt.hf("mamba_ngroups", ge=1)] = 1
    mamba_d_state: rt.Positive = 64
    layers_block_type: Annotated[list[str], rt.hf("layers_block_type", "layer_types")] | None = None
    """Per-layer block (linear_attention / mamba = Mamba2, hybrid = shared attention)."""
    use_long_context: bool = False
    """The context-extended variant (max_position_embeddings becomes 16384)."""

    def _checks(self) -> rt.Checks:
        yield from rt.first_checks(super()._checks(), 1)
        yield (
            "hidden_size",
            ("2 * hidden_size a multiple of num_attention_heads (or set attention_head_dim)"),
            self.explicit_head_dim is not None
            or 2 * self.hidden_size % self.num_attention_heads == 0,
        )
        yield (
            "num_hidden_layers",
            ("54, the length of the default layer pattern (or list layers_block_type)"),
            self.layers_block_type is not None or self.num_hidden_layers == 54,
        )

    @property
    def attn_head_dim(self) -> int:
        """Elements per K and V head (the attention runs on 2 * hidden_size)."""
        return rt.coalesce(self.explicit_head_dim, 2 * self.hidden_size // self.num_attention_heads)

    def _let_mamba(self, i: int, kinds: list[str]) -> bool:
        return True

    def _kind(self, i: int) -> str:
        return "full" if i in (6, 12, 18, 24, 30, 36, 42, 47, 51) else "none"

    @rt.reads("use_long_context", "max_position_embeddings")
    def _max_length(self) -> int | None:
        return 16384 if self.use_long_context else self.max_position_embeddings
