# generated from schemas/modernbert_decoder.yaml by `make generate`; do not edit.
# kvarch-digest: render=89b35ce80403e195 content=7b9dc26e427e4f74
from typing import Annotated, ClassVar

from generated.gpt_neox import GptNeoxConfig
from kvarch import schema_runtime as rt


class ModernbertDecoderConfig(GptNeoxConfig, frozen=True, kw_only=True, dict=True):
    """ModernBERT decoder (full every Nth layer, else sliding local_attention / 2)."""

    SCHEMA: ClassVar[str] = "schemas/modernbert_decoder.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    max_position_embeddings: rt.Positive = 8192
    local_attention: Annotated[int, rt.hf(ge=2)] = 128
    """ModernBERT's local window; the decoder's sliding window is half of it."""
    sliding_window: rt.Positive | None = None
    """Tokens a sliding layer sees, when given (else local_attention // 2)."""
    global_attn_every_n_layers: rt.Positive = 3
    """Without layer_types, layers i with i % N == 0 are full attention."""
    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""

    @rt.reads("global_attn_every_n_layers")
    def _kind(self, i: int) -> str:
        return "full" if i % self.global_attn_every_n_layers == 0 else "sliding"

    @rt.reads("sliding_window", "local_attention")
    def _window(self, i: int, kind: str, kinds: list[str]) -> int | None:
        return rt.coalesce(self.sliding_window, self.local_attention // 2)
