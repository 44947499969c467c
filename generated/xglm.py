# generated from schemas/xglm.yaml by `make generate`; do not edit.
# kvarch-digest: render=b05188514e1fefef content=8a0224ec73369f08
from typing import Annotated, ClassVar

from generated.gpt2 import Gpt2Config
from kvarch import schema_runtime as rt


class XglmConfig(Gpt2Config, frozen=True, kw_only=True, dict=True):
    """XGLM decoder (multi-head attention, head_dim = d_model / attention_heads)."""

    SCHEMA: ClassVar[str] = "schemas/xglm.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_layers", "num_hidden_layers", ge=1)]
    num_attention_heads: Annotated[int, rt.hf("attention_heads", "num_attention_heads", ge=1)]
    hidden_size: Annotated[int, rt.hf("d_model", "hidden_size", ge=1)]
    max_position_embeddings: rt.Positive = 2048
