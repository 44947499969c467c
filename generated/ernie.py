# generated from schemas/ernie.yaml by `make generate`; do not edit.
# kvarch-digest: render=13f09af343a84fc0 content=23f955c7a09879a4
from typing import ClassVar

from generated.bert import BertConfig


class ErnieConfig(BertConfig, frozen=True, kw_only=True, dict=True):
    """ERNIE as a decoder (BERT's cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("ernie",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("ErnieForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/ernie.yaml"
