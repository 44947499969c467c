# generated from schemas/vaultgemma.yaml by `make generate`; do not edit.
# kvarch-digest: render=01a89f256e345abf content=190e452b9e8ccd64
from typing import Annotated, ClassVar

from generated.gemma2 import Gemma2Config
from kvarch import schema_runtime as rt


class VaultGemmaConfig(Gemma2Config, frozen=True, kw_only=True, dict=True):
    """VaultGemma decoder (Gemma2 geometry; sliding-window and full layers alternate)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("vaultgemma",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("VaultGemmaForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/vaultgemma.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        26
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 8
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 4
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 2304
