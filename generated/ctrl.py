# generated from schemas/ctrl.yaml by `make generate`; do not edit.
# kvarch-digest: render=128895bebecdcde1 content=8df8a335ff1db897
from typing import Annotated, ClassVar

from generated.gpt2 import Gpt2Config
from kvarch import schema_runtime as rt


class CtrlConfig(Gpt2Config, frozen=True, kw_only=True, dict=True):
    """CTRL decoder (multi-head attention, head_dim = n_embd / n_head)."""

    SCHEMA: ClassVar[str] = "schemas/ctrl.yaml"

    max_position_embeddings: Annotated[
        int, rt.hf("n_positions", "max_position_embeddings", ge=1)
    ] = 256
