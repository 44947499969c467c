# generated from schemas/roc_bert.yaml by `make generate`; do not edit.
# kvarch-digest: render=d40eb6b58d6abd54 content=3f3a75713a6c84e8
from typing import ClassVar

from generated.bert import BertConfig


class RoCBertConfig(BertConfig, frozen=True, kw_only=True, dict=True):
    """RoCBert as a decoder (BERT's cache)."""

    SCHEMA: ClassVar[str] = "schemas/roc_bert.yaml"
