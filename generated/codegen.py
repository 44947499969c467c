# generated from schemas/codegen.yaml by `make generate`; do not edit.
# kvarch-digest: render=efcfa1fe51faff01 content=58b2cae7116ab6c4
from typing import ClassVar

from generated.gptj import GptjConfig


class CodegenConfig(GptjConfig, frozen=True, kw_only=True, dict=True):
    """CodeGen decoder (multi-head attention, head_dim = n_embd / n_head)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("codegen",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("CodeGenForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/codegen.yaml"
