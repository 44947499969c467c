# generated from schemas/phimoe.yaml by `make generate`; do not edit.
# kvarch-digest: render=8290353920c49e37 content=8c808dfc4e0d334c
from typing import Annotated, ClassVar

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class PhimoeConfig(MistralConfig, frozen=True, kw_only=True, dict=True):
    """PhiMoE decoder (GQA; every layer sliding when sliding_window is set)."""

    SCHEMA: ClassVar[str] = "schemas/phimoe.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    hidden_size: rt.Width = 4096
    sliding_window: Annotated[int, rt.hf(ge=1, keep_null=True)] | None = None
