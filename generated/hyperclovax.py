# generated from schemas/hyperclovax.yaml by `make generate`; do not edit.
# kvarch-digest: render=6644f831eac9a0a8 content=1b56c95cbf3bdfdd
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class HyperClovaxConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """HyperCLOVA X decoder (Llama geometry, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("hyperclovax",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("HyperCLOVAXForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/hyperclovax.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        32
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 32
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 4096
