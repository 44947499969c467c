# generated from schemas/cwm.yaml by `make generate`; do not edit.
# kvarch-digest: render=b1ead038de67216a content=3e949fe7369b4115
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class CwmConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """CWM decoder (layer 0 and every 4th after it full attention, the rest sliding)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("cwm",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("CwmForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/cwm.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        64
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 48
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 8
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 6144
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 131072
    sliding_window: Annotated[int, rt.hf(ge=1)] = 8192
    """Tokens a sliding layer sees."""
    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""

    def _kind(self, i: int) -> str:
        return "full" if i % 4 == 0 else "sliding"

    @rt.reads("sliding_window")
    def _window(self, i: int, kind: str, kinds: list[str]) -> int | None:
        return self.sliding_window
