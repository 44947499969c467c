# generated from schemas/rembert.yaml by `make generate`; do not edit.
# kvarch-digest: render=7e86e3d123f40eac content=546f4db9fe0ef984
from typing import ClassVar

from generated.bert import BertConfig
from kvarch import schema_runtime as rt


class RemBertConfig(BertConfig, frozen=True, kw_only=True, dict=True):
    """RemBERT as a decoder (BERT's cache)."""

    SCHEMA: ClassVar[str] = "schemas/rembert.yaml"

    num_hidden_layers: rt.Positive = 32
    num_attention_heads: rt.Positive = 18
    hidden_size: rt.Positive = 1152
