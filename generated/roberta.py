# generated from schemas/roberta.yaml by `make generate`; do not edit.
# kvarch-digest: render=4afea9e057e22ba8 content=bf2d17d07bb1c738
from typing import ClassVar

from generated.bert import BertConfig
from kvarch import schema_runtime as rt


class RobertaConfig(BertConfig, frozen=True, kw_only=True, dict=True):
    """RoBERTa as a decoder (BERT's cache; positions start after the padding index)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("roberta",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("RobertaForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/roberta.yaml"

    pad_token_id: rt.NonNegative = 1
    """Padding index; positions are numbered from the one after it."""

    @property
    def positions(self) -> int:
        """Tokens a sequence (or its encoder's) can hold."""
        return self.max_position_embeddings - self.pad_token_id - 1

    @rt.reads("max_position_embeddings", "pad_token_id")
    def _encoder_len(self) -> int | None:
        return self.positions

    @rt.reads("max_position_embeddings", "pad_token_id")
    def _max_length(self) -> int | None:
        return self.positions
