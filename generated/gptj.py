# generated from schemas/gptj.yaml by `make generate`; do not edit.
# kvarch-digest: render=f6af7a61c10d84d9 content=8b50b32242cf1ed4
from typing import Annotated, ClassVar

from generated.gpt2 import Gpt2Config
from kvarch import schema_runtime as rt


class GptjConfig(Gpt2Config, frozen=True, kw_only=True, dict=True):
    """GPT-J decoder (multi-head attention, head_dim = n_embd / n_head)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gptj",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GPTJForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/gptj.yaml"

    max_position_embeddings: Annotated[
        int, rt.hf("n_positions", "max_position_embeddings", ge=1)
    ] = 2048
