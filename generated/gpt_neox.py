# generated from schemas/gpt_neox.yaml by `make generate`; do not edit.
# kvarch-digest: render=c605893f8d6ee9dc content=ce8c2a0d65ac5303
from typing import Annotated, ClassVar

from generated.gpt2 import Gpt2Config
from kvarch import schema_runtime as rt


class GptNeoxConfig(Gpt2Config, frozen=True, kw_only=True, dict=True):
    """GPT-NeoX decoder (multi-head attention, head_dim = hidden_size / heads)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gpt_neox",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GPTNeoXForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/gpt_neox.yaml"

    num_hidden_layers: Annotated[int, rt.hf(ge=1)]
    num_attention_heads: Annotated[int, rt.hf(ge=1)]
    hidden_size: Annotated[int, rt.hf(ge=1)]
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 2048
