# generated from schemas/fuyu.yaml by `make generate`; do not edit.
# kvarch-digest: render=9cdd55c6fd151526 content=af3c4df2f489604c
from typing import Annotated, ClassVar

from generated.persimmon import PersimmonConfig
from kvarch import schema_runtime as rt


class FuyuConfig(PersimmonConfig, frozen=True, kw_only=True, dict=True):
    """Fuyu (Persimmon text decoder, flat or under text_config)."""

    SCHEMA: ClassVar[str] = "schemas/fuyu.yaml"

    num_hidden_layers: Annotated[
        int, rt.hf("text_config.num_hidden_layers", "num_hidden_layers", ge=1)
    ]
    num_attention_heads: Annotated[
        int, rt.hf("text_config.num_attention_heads", "num_attention_heads", ge=1)
    ]
    hidden_size: Annotated[int, rt.hf("text_config.hidden_size", "hidden_size", ge=1)]
    max_position_embeddings: Annotated[
        int, rt.hf("text_config.max_position_embeddings", "max_position_embeddings", ge=1)
    ] = 16384
