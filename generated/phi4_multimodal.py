# generated from schemas/phi4_multimodal.yaml by `make generate`; do not edit.
# kvarch-digest: render=7b1a991f813d2c72 content=96464793beec0192
from typing import ClassVar

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class Phi4MultimodalConfig(MistralConfig, frozen=True, kw_only=True, dict=True):
    """Phi-4-multimodal decoder (GQA; every layer sliding when sliding_window is set)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("phi4_multimodal",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Phi4MultimodalForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/phi4_multimodal.yaml"

    num_kv_heads: rt.KvHeadsOrNull | None = 8
    """KV heads (absent -> transformers' default 8; null -> one per query head)."""
    max_position_embeddings: rt.Positive = 131072
