# generated from schemas/roberta.yaml by `make generate`; do not edit.
# kvarch-digest: render=f7544b0d13f3e743 content=101d3f52063118b8
from typing import ClassVar

from generated.bert import BertConfig
from kvarch import schema_runtime as rt


class RobertaConfig(BertConfig, frozen=True, kw_only=True, dict=True):
    """RoBERTa as a decoder (BERT's cache; positions start after the padding index)."""

    SCHEMA: ClassVar[str] = "schemas/roberta.yaml"

    pad_token_id: rt.NonNegative = 1
    """Padding index; positions are numbered from the one after it."""

    @property
    def positions(self) -> int:
        """Tokens a sequence (or its encoder's) can hold."""
        return self.max_position_embeddings - self.pad_token_id - 1

    _encoder_len = rt.from_derived("positions", "max_position_embeddings", "pad_token_id")
    _max_length = rt.from_derived("positions", "max_position_embeddings", "pad_token_id")
