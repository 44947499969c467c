# generated from schemas/megatron_bert.yaml by `make generate`; do not edit.
# kvarch-digest: render=fc2687aeecf52169 content=01ffbde436bc45c5
from typing import ClassVar

from generated.bert import BertConfig
from kvarch import schema_runtime as rt


class MegatronBertConfig(BertConfig, frozen=True, kw_only=True, dict=True):
    """Megatron-BERT as a decoder (BERT's cache)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("megatron-bert",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MegatronBertForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/megatron_bert.yaml"

    num_hidden_layers: rt.Positive = 24
    num_attention_heads: rt.Positive = 16
    hidden_size: rt.Positive = 1024
