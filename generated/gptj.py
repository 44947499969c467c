# generated from schemas/gptj.yaml by `make generate`; do not edit.
# kvarch-digest: render=b46b90eab63a8589 content=5851644dd5b9b81e
from typing import Annotated, ClassVar

from generated.gpt2 import Gpt2Config
from kvarch import schema_runtime as rt


class GptjConfig(Gpt2Config, frozen=True, kw_only=True, dict=True):
    """GPT-J decoder (multi-head attention, head_dim = n_embd / n_head)."""

    SCHEMA: ClassVar[str] = "schemas/gptj.yaml"

    max_position_embeddings: Annotated[
        int, rt.hf("n_positions", "max_position_embeddings", ge=1)
    ] = 2048
