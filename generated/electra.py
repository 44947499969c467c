# generated from schemas/electra.yaml by `make generate`; do not edit.
# kvarch-digest: render=6745c4f0df0419c7 content=bed01d067c184f4a
from typing import ClassVar

from generated.bert import BertConfig
from kvarch import schema_runtime as rt


class ElectraConfig(BertConfig, frozen=True, kw_only=True, dict=True):
    """ELECTRA as a decoder (BERT's cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("electra",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("ElectraForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/electra.yaml"

    num_attention_heads: rt.Positive = 4
    hidden_size: rt.Positive = 256
