"""The registry's ``__all__`` lists class names in ruff's RUF022 order, whatever they are."""

from __future__ import annotations

import subprocess
from pathlib import Path

from generator import compile_dir
from generator.render import ruff_binary

NAMES = ["GPT2Config", "Gemma2Config", "X10Config", "X9Config", "Qwen2p5Config", "Zamba2Config"]
BODY = """\
class: {name}
model_types: [t{n}]
inputs:
  n: {{type: int, from: num_hidden_layers}}
layers: {{count: n, num_kv_heads: 1, head_dim: 8}}
max_length: 64
"""


def test_all_is_in_ruff_order(tmp_path: Path) -> None:
    schemas = tmp_path / "schemas"
    schemas.mkdir()
    for n, name in enumerate(NAMES):
        (schemas / f"s{n}.yaml").write_text(BODY.format(name=name, n=n))
    registry = tmp_path / "registry.py"
    registry.write_text(compile_dir(schemas).files["__init__.py"])
    check = [ruff_binary(), "check", "--isolated", "--select", "RUF022", str(registry)]
    result = subprocess.run(check, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout
    text = registry.read_text()
    assert text.index('"GPT2Config"') < text.index('"Gemma2Config"')
    assert text.index('"X9Config"') < text.index('"X10Config"')
    assert text.index('"UnknownArchitectureError"') < text.index('"X9Config"')
