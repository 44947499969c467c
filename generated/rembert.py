# generated from schemas/rembert.yaml by `make generate`; do not edit.
# kvarch-digest: render=47095f74ab5a542e content=0a99971d6b904181
from typing import ClassVar

from generated.bert import BertConfig
from kvarch import schema_runtime as rt


class RemBertConfig(BertConfig, frozen=True, kw_only=True, dict=True):
    """RemBERT as a decoder (BERT's cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("rembert",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("RemBertForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/rembert.yaml"

    num_hidden_layers: rt.Positive = 32
    num_attention_heads: rt.Positive = 18
    hidden_size: rt.Positive = 1152
