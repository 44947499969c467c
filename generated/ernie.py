# generated from schemas/ernie.yaml by `make generate`; do not edit.
# kvarch-digest: render=8bf8b33b3e1c7112 content=ddc66cf75e5b4215
from typing import ClassVar

from generated.bert import BertConfig


class ErnieConfig(BertConfig, frozen=True, kw_only=True, dict=True):
    """ERNIE as a decoder (BERT's cache)."""

    SCHEMA: ClassVar[str] = "schemas/ernie.yaml"
