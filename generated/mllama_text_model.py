# generated from schemas/mllama_text_model.yaml by `make generate`; do not edit.
# kvarch-digest: render=7b789a3fd09f17a2 content=cddf3e0a4e88b156
from typing import ClassVar

from generated.mllama import MllamaConfig
from kvarch import schema_runtime as rt


class MllamaTextModelConfig(MllamaConfig, frozen=True, kw_only=True, dict=True):
    """Llama 3.2 Vision text decoder (cross-attention layers keep vision K/V)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("mllama_text_model",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MllamaForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/mllama_text_model.yaml"
    ROOTS = rt.SchemaArchConfig.ROOTS
