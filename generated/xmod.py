# generated from schemas/xmod.yaml by `make generate`; do not edit.
# kvarch-digest: render=3f74eef304414643 content=e9687721b9166f38
from typing import ClassVar

from generated.roberta import RobertaConfig


class XmodConfig(RobertaConfig, frozen=True, kw_only=True, dict=True):
    """X-MOD as a decoder (RoBERTa's cache; its language adapters change no cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("xmod",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("XmodForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/xmod.yaml"
