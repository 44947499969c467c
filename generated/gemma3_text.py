# generated from schemas/gemma3_text.yaml by `make generate`; do not edit.
# kvarch-digest: render=6532760dd3ee241e content=90cb603e94d99d47
from typing import Annotated, ClassVar

from generated.gemma2 import Gemma2Config
from kvarch import schema_runtime as rt


class Gemma3TextConfig(Gemma2Config, frozen=True, kw_only=True, dict=True):
    """Gemma3 text decoder (five sliding layers, then one full, unless layer_types says
    otherwise)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gemma3_text",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Gemma3ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/gemma3_text.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        26
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 8
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 4
    """KV heads (transformers' default 4 when the config omits it)."""
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 2304
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 131072
    sliding_window: Annotated[int, rt.hf(ge=1)] = 4096
    sliding_window_pattern: Annotated[int, rt.hf(ge=1)] = 6
    """Every Nth layer is full attention (older configs; layer_types wins)."""
    use_bidirectional_attention: bool = False
    """Embedding variant; transformers then narrows the window to sliding_window // 2 + 1."""

    @rt.reads("sliding_window_pattern")
    def _kind(self, i: int) -> str:
        return "full" if (i + 1) % self.sliding_window_pattern == 0 else "sliding"

    @rt.reads("use_bidirectional_attention", "sliding_window")
    def _window(self, i: int, kind: str, kinds: list[str]) -> int | None:
        return (
            self.sliding_window // 2 + 1
            if self.use_bidirectional_attention
            else self.sliding_window
        )
