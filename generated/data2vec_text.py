# generated from schemas/data2vec_text.yaml by `make generate`; do not edit.
# kvarch-digest: render=189322b56a1d7330 content=62f0bb4a71f3749e
from typing import ClassVar

from generated.roberta import RobertaConfig


class Data2VecTextConfig(RobertaConfig, frozen=True, kw_only=True, dict=True):
    """Data2Vec-Text as a decoder (RoBERTa's cache)."""

    SCHEMA: ClassVar[str] = "schemas/data2vec_text.yaml"
