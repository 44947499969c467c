# generated from schemas/mixtral.yaml by `make generate`; do not edit.
# kvarch-digest: render=0de5aa9121a86435 content=c9148f4379dd0549
from typing import Annotated, ClassVar

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class MixtralConfig(MistralConfig, frozen=True, kw_only=True, dict=True):
    """Mixtral sparse-MoE decoder (GQA; every layer sliding when sliding_window is set)."""

    SCHEMA: ClassVar[str] = "schemas/mixtral.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    hidden_size: rt.Width = 4096
    sliding_window: Annotated[int, rt.hf(ge=1, keep_null=True)] | None = None
