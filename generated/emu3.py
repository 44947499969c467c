# generated from schemas/emu3.yaml by `make generate`; do not edit.
# kvarch-digest: render=6fbeced0ac28fc5d content=15398a93851ac31b
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Emu3Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Emu3 (VQ image tokens in a Llama-geometry decoder read from text_config)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("emu3",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Emu3ForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/emu3.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        32
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 32
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 8
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 4096
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 9216
