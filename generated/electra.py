# generated from schemas/electra.yaml by `make generate`; do not edit.
# kvarch-digest: render=6c6c06f8d1dc21a9 content=ad1874a57e7b49bf
from typing import ClassVar

from generated.bert import BertConfig
from kvarch import schema_runtime as rt


class ElectraConfig(BertConfig, frozen=True, kw_only=True, dict=True):
    """ELECTRA as a decoder (BERT's cache)."""

    SCHEMA: ClassVar[str] = "schemas/electra.yaml"

    num_attention_heads: rt.Positive = 4
    hidden_size: rt.Positive = 256
