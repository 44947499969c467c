# generated from schemas/zaya.yaml by `make generate`; do not edit.
# kvarch-digest: render=7e0b21f47cd7bcc2 content=3175cc6c6078a893
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class ZayaConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """ZAYA decoder (hybrid CCA layers with a full or sliding-window KV cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("zaya",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("ZayaForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/zaya.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"
    KIND_NAMES = rt.kind_names({"hybrid": "full", "hybrid_sliding": "sliding"})

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        40
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 8
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 2
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 2048
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 131072
    sliding_window: Annotated[int, rt.hf(ge=1)] | None = None
    """Tokens a hybrid_sliding layer sees (required when one exists)."""
    layer_types: list[str] | None = None
    """Per-layer block kind, hybrid or hybrid_sliding (default all hybrid)."""

    @rt.reads("sliding_window")
    def _window(self, i: int, kind: str, kinds: list[str]) -> int | None:
        return self.sliding_window
