# generated from schemas/data2vec_text.yaml by `make generate`; do not edit.
# kvarch-digest: render=525a68aa00693418 content=1d2bfdb9295ea06c
from typing import ClassVar

from generated.roberta import RobertaConfig


class Data2VecTextConfig(RobertaConfig, frozen=True, kw_only=True, dict=True):
    """Data2Vec-Text as a decoder (RoBERTa's cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("data2vec-text",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Data2VecTextForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/data2vec_text.yaml"
