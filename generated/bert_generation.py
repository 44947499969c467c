# generated from schemas/bert_generation.yaml by `make generate`; do not edit.
# kvarch-digest: render=030673a1c0ee8f09 content=7dca8aa9b5e7e1f4
from typing import ClassVar

from generated.bert import BertConfig
from kvarch import schema_runtime as rt


class BertGenerationConfig(BertConfig, frozen=True, kw_only=True, dict=True):
    """BertGeneration decoder (BERT's cache)."""

    SCHEMA: ClassVar[str] = "schemas/bert_generation.yaml"

    num_hidden_layers: rt.Positive = 24
    num_attention_heads: rt.Positive = 16
    hidden_size: rt.Positive = 1024
