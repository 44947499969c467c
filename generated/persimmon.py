# generated from schemas/persimmon.yaml by `make generate`; do not edit.
# kvarch-digest: render=640329019062e45a content=d61843766305eb91
from typing import ClassVar

from generated.gpt_neox import GptNeoxConfig
from kvarch import schema_runtime as rt


class PersimmonConfig(GptNeoxConfig, frozen=True, kw_only=True, dict=True):
    """Persimmon decoder (multi-head attention, head_dim = hidden_size / heads)."""

    SCHEMA: ClassVar[str] = "schemas/persimmon.yaml"

    max_position_embeddings: rt.Positive = 16384
