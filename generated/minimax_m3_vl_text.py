# generated from schemas/minimax_m3_vl_text.yaml by `make generate`; do not edit.
# kvarch-digest: render=7ddcab7e93cd1bdd content=f14b1e6227ae4418
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class MiniMaxM3VLTextConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """MiniMax-M3-VL text decoder (every layer caches all tokens; sparse layers index them)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("minimax_m3_vl_text",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MiniMaxM3VLForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/minimax_m3_vl_text.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"
    KIND_NAMES = rt.kind_names({"minimax_m3_sparse": "full"})

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        60
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 64
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 4
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 6144
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 524288
    layer_types: list[str] | None = None
    """Per-layer attention kind, full_attention or minimax_m3_sparse."""
