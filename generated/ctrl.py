# generated from schemas/ctrl.yaml by `make generate`; do not edit.
# kvarch-digest: render=2d8f5f6b583ffb19 content=f3b0d72a1c7e9e8a
from typing import Annotated, ClassVar

from generated.gpt2 import Gpt2Config
from kvarch import schema_runtime as rt


class CtrlConfig(Gpt2Config, frozen=True, kw_only=True, dict=True):
    """CTRL decoder (multi-head attention, head_dim = n_embd / n_head)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("ctrl",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("CTRLLMHeadModel",)
    SCHEMA: ClassVar[str] = "schemas/ctrl.yaml"

    max_position_embeddings: Annotated[
        int, rt.hf("n_positions", "max_position_embeddings", ge=1)
    ] = 256
