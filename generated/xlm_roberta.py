# generated from schemas/xlm_roberta.yaml by `make generate`; do not edit.
# kvarch-digest: render=9d96fa4c87f8a965 content=047ac6be20aaf247
from typing import ClassVar

from generated.roberta import RobertaConfig


class XLMRobertaConfig(RobertaConfig, frozen=True, kw_only=True, dict=True):
    """XLM-RoBERTa as a decoder (RoBERTa's cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("xlm-roberta",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("XLMRobertaForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/xlm_roberta.yaml"
