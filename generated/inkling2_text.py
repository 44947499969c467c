# generated from schemas/inkling2_text.yaml by `make generate`; do not edit.
# kvarch-digest: render=d4785d0fa00c51e6 content=eafbba0da3124278
from typing import Annotated, ClassVar

from generated.inkling_text import InklingTextConfig
from kvarch import schema_runtime as rt


class Inkling2TextConfig(InklingTextConfig, frozen=True, kw_only=True, dict=True):
    """Inkling 2 text decoder (hybrid conv+attention layers; sliding layers have their own KV
    geometry)."""

    SCHEMA: ClassVar[str] = "schemas/inkling2_text.yaml"

    num_hidden_layers: rt.Positive = 48
    swa_num_kv_heads: Annotated[int, rt.hf("swa_num_key_value_heads", ge=1)] = 8
    sliding_window_size: Annotated[int, rt.hf("sliding_window_size", "sliding_window", ge=1)] = 1024
    hidden_size: rt.Positive = 4608
    max_position_embeddings: Annotated[
        int, rt.hf("max_position_embeddings", "model_max_length", ge=1)
    ] = 1048576
