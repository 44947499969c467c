# generated from schemas/roc_bert.yaml by `make generate`; do not edit.
# kvarch-digest: render=f5a77ffa1c6e8f00 content=c92dd0a81413fb7e
from typing import ClassVar

from generated.bert import BertConfig


class RoCBertConfig(BertConfig, frozen=True, kw_only=True, dict=True):
    """RoCBert as a decoder (BERT's cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("roc_bert",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("RoCBertForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/roc_bert.yaml"
