# generated from schemas/roberta_prelayernorm.yaml by `make generate`; do not edit.
# kvarch-digest: render=ba594d2b5ad9ec73 content=47d84dcdbf790f72
from typing import ClassVar

from generated.roberta import RobertaConfig


class RobertaPreLayerNormConfig(RobertaConfig, frozen=True, kw_only=True, dict=True):
    """RoBERTa-PreLayerNorm as a decoder (RoBERTa's cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("roberta-prelayernorm",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("RobertaPreLayerNormForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/roberta_prelayernorm.yaml"
