# generated from schemas/falcon.yaml by `make generate`; do not edit.
# kvarch-digest: render=f8faebefc8e8262a content=8a28ad5f5dff5033
from typing import Annotated, ClassVar

from generated.gpt2 import Gpt2Config
from kvarch import schema_runtime as rt


class FalconConfig(Gpt2Config, frozen=True, kw_only=True, dict=True):
    """Falcon decoder (new architecture GQA, multi-query, or multi-head; rotary or ALiBi)."""

    SCHEMA: ClassVar[str] = "schemas/falcon.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", ge=1)]
    num_attention_heads: rt.Heads
    hidden_size: Annotated[int, rt.hf("n_embed", "hidden_size", ge=1)]
    max_position_embeddings: rt.Positive = 2048
    num_kv_heads: Annotated[int, rt.hf("num_kv_heads", "n_head_kv", ge=1)] | None = None
    """KV head groups of the new decoder architecture (default num_attention_heads)."""
    multi_query: bool = True
    """Whether all query heads share one K/V head (old architecture only)."""
    new_decoder_architecture: bool = False
    """Falcon-40B layout (grouped K/V heads; multi_query ignored)."""

    def _checks(self) -> rt.Checks:
        yield from super()._checks()
        yield (
            "num_kv_heads",
            "a divisor of num_attention_heads",
            self.num_attention_heads % self.kv_heads == 0,
        )

    @property
    def kv_heads(self) -> int:
        """KV heads per layer."""
        return (
            rt.coalesce(self.num_kv_heads, self.num_attention_heads)
            if self.new_decoder_architecture
            else 1
            if self.multi_query
            else self.num_attention_heads
        )

    _num_kv_heads = rt.from_derived(
        "kv_heads", "new_decoder_architecture", "num_kv_heads", "num_attention_heads", "multi_query"
    )
