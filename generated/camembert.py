# generated from schemas/camembert.yaml by `make generate`; do not edit.
# kvarch-digest: render=c4c3c008505d4148 content=290b4fde8819b96d
from typing import ClassVar

from generated.roberta import RobertaConfig


class CamembertConfig(RobertaConfig, frozen=True, kw_only=True, dict=True):
    """CamemBERT as a decoder (RoBERTa's cache)."""

    SCHEMA: ClassVar[str] = "schemas/camembert.yaml"
