# generated from schemas/roformer.yaml by `make generate`; do not edit.
# kvarch-digest: render=91e353bd3dcfff0d content=546a279bdab0f166
from typing import ClassVar

from generated.bert import BertConfig
from kvarch import schema_runtime as rt


class RoFormerConfig(BertConfig, frozen=True, kw_only=True, dict=True):
    """RoFormer as a decoder (BERT's cache; rotary positions)."""

    SCHEMA: ClassVar[str] = "schemas/roformer.yaml"

    max_position_embeddings: rt.Positive = 1536
