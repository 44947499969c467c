"""docs/schema.md's complete examples (yaml blocks starting ``# schemas/NAME.yaml``) compile
together and behave as the text says."""

from __future__ import annotations

import re
from pathlib import Path

from generator import load_schemas

DOC = Path(__file__).resolve().parent.parent / "docs" / "schema.md"
BLOCK = re.compile(r"^```yaml\n# (schemas/[a-z0-9_]+\.yaml)\n(.*?)^```", re.S | re.M)


def test_documented_examples_compile(tmp_path: Path) -> None:
    examples = BLOCK.findall(DOC.read_text(encoding="utf-8"))
    assert [name for name, _ in examples] == ["schemas/llama.yaml", "schemas/mistral.yaml"]
    for name, body in examples:
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(body)
    schemas = {s.stem: s for s in load_schemas(tmp_path / "schemas")}
    mistral = schemas["mistral"]
    assert mistral.class_name == "MistralConfig"
    assert {i.name: i.default for i in mistral.inputs}["max_position_embeddings"] == 32768
    assert mistral.layers.window.source == "self.sliding_window"
