# generated from schemas/codegen.yaml by `make generate`; do not edit.
# kvarch-digest: render=4a48de67d4425ff3 content=60b5d0a8cc5c00b4
from typing import ClassVar

from generated.gptj import GptjConfig


class CodegenConfig(GptjConfig, frozen=True, kw_only=True, dict=True):
    """CodeGen decoder (multi-head attention, head_dim = n_embd / n_head)."""

    SCHEMA: ClassVar[str] = "schemas/codegen.yaml"
