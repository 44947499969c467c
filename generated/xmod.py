# generated from schemas/xmod.yaml by `make generate`; do not edit.
# kvarch-digest: render=7fb75401246bc3d7 content=686068d8f834e596
from typing import ClassVar

from generated.roberta import RobertaConfig


class XmodConfig(RobertaConfig, frozen=True, kw_only=True, dict=True):
    """X-MOD as a decoder (RoBERTa's cache; its language adapters change no cache)."""

    SCHEMA: ClassVar[str] = "schemas/xmod.yaml"
