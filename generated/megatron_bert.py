# generated from schemas/megatron_bert.yaml by `make generate`; do not edit.
# kvarch-digest: render=f7421855b623e8e7 content=34fe2ec8e2c1a4f4
from typing import ClassVar

from generated.bert import BertConfig
from kvarch import schema_runtime as rt


class MegatronBertConfig(BertConfig, frozen=True, kw_only=True, dict=True):
    """Megatron-BERT as a decoder (BERT's cache)."""

    SCHEMA: ClassVar[str] = "schemas/megatron_bert.yaml"

    num_hidden_layers: rt.Positive = 24
    num_attention_heads: rt.Positive = 16
    hidden_size: rt.Positive = 1024
