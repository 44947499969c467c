# generated from schemas/camembert.yaml by `make generate`; do not edit.
# kvarch-digest: render=769bc699b4db1b92 content=56620622100e5854
from typing import ClassVar

from generated.roberta import RobertaConfig


class CamembertConfig(RobertaConfig, frozen=True, kw_only=True, dict=True):
    """CamemBERT as a decoder (RoBERTa's cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("camembert",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("CamembertForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/camembert.yaml"
