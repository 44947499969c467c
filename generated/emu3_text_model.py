# generated from schemas/emu3_text_model.yaml by `make generate`; do not edit.
# kvarch-digest: render=5ede2834591feda4 content=2ee6b041cd91e963
from typing import ClassVar

from generated.emu3 import Emu3Config
from kvarch import schema_runtime as rt


class Emu3TextModelConfig(Emu3Config, frozen=True, kw_only=True, dict=True):
    """Emu3 text decoder (Llama geometry; the config Emu3ForCausalLM itself holds)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("emu3_text_model",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Emu3ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/emu3_text_model.yaml"
    ROOTS = rt.SchemaArchConfig.ROOTS
