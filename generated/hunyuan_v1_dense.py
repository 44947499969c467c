# generated from schemas/hunyuan_v1_dense.yaml by `make generate`; do not edit.
# kvarch-digest: render=fe49706e75cd2c93 content=35dca5506b58ecd6
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class HunyuanV1Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Hunyuan V1 decoder, dense or MoE (Llama geometry, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("hunyuan_v1_dense", "hunyuan_v1_moe")
    ARCHITECTURES: ClassVar[tuple[str, ...]] = (
        "HunYuanDenseV1ForCausalLM",
        "HunYuanMoEV1ForCausalLM",
    )
    SCHEMA: ClassVar[str] = "schemas/hunyuan_v1_dense.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        32
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 32
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 4096
