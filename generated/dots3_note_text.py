# generated from schemas/dots3_note_text.yaml by `make generate`; do not edit.
# kvarch-digest: render=0dd184d68f98be32 content=6f2bc349a0dd51a1
from typing import Annotated, ClassVar

import msgspec

from kvarch import schema_runtime as rt


class Dots3NoteTextConfig(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """Dots3Note text decoder (latent MLA; indexed layers keep indexer keys; sliding layers their
    own latent)."""

    SCHEMA: ClassVar[str] = "schemas/dots3_note_text.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"
    KIND_NAMES = rt.kind_names({"indexed_attention": "full"})

    num_hidden_layers: rt.Positive = 46
    """Decoder layers."""
    kv_lora_rank: rt.Positive = 512
    """Latent width of a full layer."""
    qk_rope_head_dim: rt.Positive = 64
    """Rotary key width of a full layer."""
    index_head_dim: rt.Positive = 128
    """Indexer key width."""
    sliding_window: Annotated[int, rt.hf("sliding_window", "sliding_window_size", ge=1)] = 512
    """Tokens a sliding layer sees."""
    swa_kv_lora_rank: rt.Positive = 1024
    """Latent width of a sliding layer."""
    swa_head_dim: rt.Positive = 256
    """Query/key head width of a sliding layer."""
    swa_qk_nope_head_dim: rt.Positive = 192
    """Non-rotary key width of a sliding layer."""
    swa_qk_rope_head_dim: rt.Positive | None = None
    """Rotary key width of a sliding layer (default swa_head_dim - swa_qk_nope_head_dim)."""
    layer_kv_lora_rank: (
        dict[int, Annotated[int, rt.hf("per_layer_config.*.kv_lora_rank", ge=1)]] | None
    ) = None
    """Per-layer latent width (saved configs' per_layer_config)."""
    layer_head_dim: dict[int, Annotated[int, rt.hf("per_layer_config.*.head_dim", ge=1)]] | None = (
        None
    )
    """Per-layer query/key head width (saved configs' per_layer_config)."""
    layer_qk_nope_head_dim: (
        dict[int, Annotated[int, rt.hf("per_layer_config.*.qk_nope_head_dim", ge=1)]] | None
    ) = None
    """Per-layer non-rotary key width (saved configs' per_layer_config)."""
    layer_types: list[str] | None = None
    """Per-layer attention (indexed_attention, full_attention, sliding_attention)."""
    type_list: Annotated[list[str], rt.hf("layer_types")] = msgspec.field(default_factory=list)
    """layer_types again, empty when absent."""
    use_dsa: bool | None = None
    """Legacy; whether full_attention layers are indexed (default true unless per_layer_config is
    saved)."""
    use_sliding_window: bool = True
    """Without layer_types, whether any layer slides."""
    max_position_embeddings: rt.Positive = 524288
    """Longest sequence."""

    @property
    def dsa(self) -> bool:
        """Whether a full_attention layer is indexed."""
        return rt.coalesce(self.use_dsa, self.layer_kv_lora_rank is None)

    def _let_layer_type(self, i: int) -> str:
        return (
            self.type_list[i]
            if len(self.type_list) > 0
            else "full_attention"
            if not self.use_sliding_window or i < 2 or i % 4 == 1
            else "sliding_attention"
        )

    def _let_indexed(self, i: int) -> bool:
        return self._let_layer_type(i) == "indexed_attention" or (
            self._let_layer_type(i) == "full_attention" and self.dsa
        )

    def _let_swa_rope(self, i: int) -> int:
        return rt.coalesce(
            self.swa_qk_rope_head_dim,
            rt.coalesce(rt.layer_value(self.layer_head_dim, i), self.swa_head_dim)
            - rt.coalesce(
                rt.layer_value(self.layer_qk_nope_head_dim, i), self.swa_qk_nope_head_dim
            ),
        )

    _count = rt.from_input("num_hidden_layers")

    @rt.reads("type_list", "use_sliding_window")
    def _kind(self, i: int) -> str:
        return "sliding" if self._let_layer_type(i) == "sliding_attention" else "full"

    _window = rt.from_input("sliding_window")

    def _num_kv_heads(self, i: int, kind: str, kinds: list[str]) -> int:
        return 1

    @rt.reads("layer_kv_lora_rank", "swa_kv_lora_rank", "kv_lora_rank")
    def _k_head_dim(self, i: int, kind: str, kinds: list[str]) -> int:
        return rt.coalesce(
            rt.layer_value(self.layer_kv_lora_rank, i),
            self.swa_kv_lora_rank if kind == "sliding" else self.kv_lora_rank,
        )

    @rt.reads(
        "swa_qk_rope_head_dim",
        "layer_head_dim",
        "swa_head_dim",
        "layer_qk_nope_head_dim",
        "swa_qk_nope_head_dim",
        "qk_rope_head_dim",
    )
    def _v_head_dim(self, i: int, kind: str, kinds: list[str]) -> int:
        return self._let_swa_rope(i) if kind == "sliding" else self.qk_rope_head_dim

    def _extra_keys(self, i: int, kind: str, kinds: list[str]) -> tuple[rt.ExtraKeys, ...]:
        return rt.extra_keys(
            self._n, i, ("indexer", 1 if self._let_indexed(i) else 0, self.index_head_dim)
        )

    _max_length = rt.from_input("max_position_embeddings")
