# generated from schemas/big_bird.yaml by `make generate`; do not edit.
# kvarch-digest: render=97cda411416481d2 content=fbd9a102befc7cf8
from typing import ClassVar

from generated.bert import BertConfig
from kvarch import schema_runtime as rt


class BigBirdConfig(BertConfig, frozen=True, kw_only=True, dict=True):
    """BigBird as a decoder (BERT's cache; a decoder attends fully)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("big_bird",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("BigBirdForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/big_bird.yaml"

    max_position_embeddings: rt.Positive = 4096
