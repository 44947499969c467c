# generated from schemas/phi4_multimodal.yaml by `make generate`; do not edit.
# kvarch-digest: render=9ed7bf1e33d3ad82 content=9b274f62b64ba0df
from typing import ClassVar

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class Phi4MultimodalConfig(MistralConfig, frozen=True, kw_only=True, dict=True):
    """Phi-4-multimodal decoder (GQA; every layer sliding when sliding_window is set)."""

    SCHEMA: ClassVar[str] = "schemas/phi4_multimodal.yaml"

    num_kv_heads: rt.KvHeadsOrNull | None = 8
    """KV heads (absent -> transformers' default 8; null -> one per query head)."""
    max_position_embeddings: rt.Positive = 131072
