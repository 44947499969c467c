# generated from schemas/falcon_h1.yaml by `make generate`; do not edit.
# kvarch-digest: render=fa5c91666ed08ac8 content=bfd10e81e778b1d5
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class FalconH1Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Falcon-H1 parallel hybrid decoder (attention beside Mamba2 in every layer)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("falcon_h1",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("FalconH1ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/falcon_h1.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        32
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 32
    num_kv_heads: (
        Annotated[
            int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1, keep_null=True)
        ]
        | None
    ) = 8
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 4096
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 8192
