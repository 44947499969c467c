# generated from schemas/bert_generation.yaml by `make generate`; do not edit.
# kvarch-digest: render=e35207ab76f09305 content=f6cefaba950242ed
from typing import ClassVar

from generated.bert import BertConfig
from kvarch import schema_runtime as rt


class BertGenerationConfig(BertConfig, frozen=True, kw_only=True, dict=True):
    """BertGeneration decoder (BERT's cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("bert-generation",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("BertGenerationDecoder",)
    SCHEMA: ClassVar[str] = "schemas/bert_generation.yaml"

    num_hidden_layers: rt.Positive = 24
    num_attention_heads: rt.Positive = 16
    hidden_size: rt.Positive = 1024
