# generated from schemas/big_bird.yaml by `make generate`; do not edit.
# kvarch-digest: render=987b1178a63b03cd content=c4641bea69c26956
from typing import ClassVar

from generated.bert import BertConfig
from kvarch import schema_runtime as rt


class BigBirdConfig(BertConfig, frozen=True, kw_only=True, dict=True):
    """BigBird as a decoder (BERT's cache; a decoder attends fully)."""

    SCHEMA: ClassVar[str] = "schemas/big_bird.yaml"

    max_position_embeddings: rt.Positive = 4096
