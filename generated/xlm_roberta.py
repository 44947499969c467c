# generated from schemas/xlm_roberta.yaml by `make generate`; do not edit.
# kvarch-digest: render=0ad6b1142c721cda content=e9029533babe2708
from typing import ClassVar

from generated.roberta import RobertaConfig


class XLMRobertaConfig(RobertaConfig, frozen=True, kw_only=True, dict=True):
    """XLM-RoBERTa as a decoder (RoBERTa's cache)."""

    SCHEMA: ClassVar[str] = "schemas/xlm_roberta.yaml"
