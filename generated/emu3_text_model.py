# generated from schemas/emu3_text_model.yaml by `make generate`; do not edit.
# kvarch-digest: render=fdbe1c4b2be3ba42 content=766e6038bf99c1d6
from typing import ClassVar

from generated.emu3 import Emu3Config
from kvarch import schema_runtime as rt


class Emu3TextModelConfig(Emu3Config, frozen=True, kw_only=True, dict=True):
    """Emu3 text decoder (Llama geometry; the config Emu3ForCausalLM itself holds)."""

    SCHEMA: ClassVar[str] = "schemas/emu3_text_model.yaml"
    ROOTS = rt.SchemaArchConfig.ROOTS
