# generated from schemas/xlm_roberta_xl.yaml by `make generate`; do not edit.
# kvarch-digest: render=6bc2486b01a8e787 content=4c6e3de1fd41c97e
from typing import ClassVar

from generated.roberta import RobertaConfig
from kvarch import schema_runtime as rt


class XLMRobertaXLConfig(RobertaConfig, frozen=True, kw_only=True, dict=True):
    """XLM-RoBERTa-XL as a decoder (RoBERTa's cache)."""

    SCHEMA: ClassVar[str] = "schemas/xlm_roberta_xl.yaml"

    num_hidden_layers: rt.Positive = 36
    num_attention_heads: rt.Positive = 32
    hidden_size: rt.Positive = 2560
    max_position_embeddings: rt.Positive = 514
