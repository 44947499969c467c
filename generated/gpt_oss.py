# generated from schemas/gpt_oss.yaml by `make generate`; do not edit.
# kvarch-digest: render=16965854bb1c7246 content=7a0ab1f3dff5b5c9
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class GptOssConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """gpt-oss decoder (sliding-window and full-attention layers alternate; attention sinks keep
    no KV)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gpt_oss",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GptOssForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/gpt_oss.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        36
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 64
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 8
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 2880
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1)] = 64
    """Per-head width (transformers' default 64 when the config omits it)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 131072
    """Longest sequence (already the YaRN-extended length)."""
    sliding_window: Annotated[int, rt.hf(ge=1)] = 128
    """Tokens a sliding layer sees."""
    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""

    def _kind(self, i: int) -> str:
        return "sliding" if (i + 1) % 2 == 1 else "full"

    @rt.reads("sliding_window")
    def _window(self, i: int, kind: str, kinds: list[str]) -> int | None:
        return self.sliding_window
