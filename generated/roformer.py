# generated from schemas/roformer.yaml by `make generate`; do not edit.
# kvarch-digest: render=8ddf33c62770e660 content=77b398274f857157
from typing import ClassVar

from generated.bert import BertConfig
from kvarch import schema_runtime as rt


class RoFormerConfig(BertConfig, frozen=True, kw_only=True, dict=True):
    """RoFormer as a decoder (BERT's cache; rotary positions)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("roformer",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("RoFormerForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/roformer.yaml"

    max_position_embeddings: rt.Positive = 1536
