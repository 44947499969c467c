# generated from schemas/roberta_prelayernorm.yaml by `make generate`; do not edit.
# kvarch-digest: render=8cb9aca8d4cf35dc content=ceec6fa74733e4c5
from typing import ClassVar

from generated.roberta import RobertaConfig


class RobertaPreLayerNormConfig(RobertaConfig, frozen=True, kw_only=True, dict=True):
    """RoBERTa-PreLayerNorm as a decoder (RoBERTa's cache)."""

    SCHEMA: ClassVar[str] = "schemas/roberta_prelayernorm.yaml"
