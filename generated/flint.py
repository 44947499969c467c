# generated from schemas/flint.yaml by `make generate`; do not edit.
# kvarch-digest: render=af85bfc991259c4d content=609b1001ceda68aa
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class FlintConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Flint decoder (full attention on the first two, every 4th and the last layer; sliding
    elsewhere)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("flint",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("FlintForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/flint.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        49
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 32
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 4
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 2048
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 262144
    sliding_window: Annotated[int, rt.hf(ge=1)] = 513
    """Tokens a sliding layer sees."""
    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""

    @rt.reads("num_hidden_layers")
    def _kind(self, i: int) -> str:
        return "full" if i < 2 or i % 4 == 1 or i == self.num_hidden_layers - 1 else "sliding"

    @rt.reads("sliding_window")
    def _window(self, i: int, kind: str, kinds: list[str]) -> int | None:
        return self.sliding_window
