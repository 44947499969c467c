# generated from schemas/mistral.yaml by `make generate`; do not edit.
# kvarch-digest: render=a8761a55ab34aae5 content=ec5f7f1440385f23
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class MistralConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Mistral decoder (Llama geometry; every layer sliding when sliding_window is set)."""

    SCHEMA: ClassVar[str] = "schemas/mistral.yaml"

    num_kv_heads: rt.KvHeadsOrNull | None = 8
    """KV heads (absent -> transformers' 8; null -> one per query head)."""
    max_position_embeddings: rt.Positive = 131072
    sliding_window: Annotated[int, rt.hf(ge=1, keep_null=True)] | None = 4096
    """Tokens each layer sees (absent -> transformers' 4096; null -> full attention)."""

    @rt.reads("sliding_window")
    def _kind(self, i: int) -> str:
        return "full" if self.sliding_window is None else "sliding"

    _window = rt.from_input("sliding_window")
