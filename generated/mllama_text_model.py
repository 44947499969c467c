# generated from schemas/mllama_text_model.yaml by `make generate`; do not edit.
# kvarch-digest: render=00c6d3640c0e5f83 content=b6154397b9d758c4
from typing import ClassVar

from generated.mllama import MllamaConfig
from kvarch import schema_runtime as rt


class MllamaTextModelConfig(MllamaConfig, kw_only=True, dict=True):
    """Llama 3.2 Vision text decoder (cross-attention layers keep vision K/V)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("mllama_text_model",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MllamaForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/mllama_text_model.yaml"
    ROOTS = rt.SchemaArchConfig.ROOTS
