# generated from schemas/minimax_m3_vl_text.yaml by `make generate`; do not edit.
# kvarch-digest: render=57dec0ae97f50b72 content=56e692e94cef552a
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class MiniMaxM3VLTextConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """MiniMax-M3-VL text decoder (every layer caches all tokens; sparse layers index them)."""

    SCHEMA: ClassVar[str] = "schemas/minimax_m3_vl_text.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"
    KIND_NAMES = rt.kind_names({"minimax_m3_sparse": "full"})

    num_hidden_layers: rt.Layers = 60
    num_attention_heads: rt.Heads = 64
    num_kv_heads: rt.KvHeads = 4
    hidden_size: rt.Width = 6144
    explicit_head_dim: rt.HeadDim = 128
    max_position_embeddings: rt.Positive = 524288
    layer_types: list[str] | None = None
    """Per-layer attention kind, full_attention or minimax_m3_sparse."""
