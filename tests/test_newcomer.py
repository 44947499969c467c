"""The newcomer's path on a fresh copy of the checkout.

README's main command, ``kvarch new``, an edit of the YAML, ``make generate``, importing the new
class, ``kvarch inspect`` and ``kvarch plan`` on a config of the new type, ``make check``.
(``make test``, README's second command, is what CI runs.)
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VENV = Path(sys.prefix)


def _fresh_copy(dest: Path) -> Path:
    """The files a clone of the current tree would hold (tracked + untracked, not ignored)."""
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for rel in filter(None, listed.split("\0")):
        src = ROOT / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    return dest


def _run(cwd: Path, *argv: str) -> str:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=900, env=env)
    assert done.returncode == 0, f"{' '.join(argv)}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def _make(cwd: Path, target: str) -> str:
    # This session's venv stands in for `make setup` (marked up to date with -o).
    stamp = VENV / ".installed"
    return _run(cwd, "make", f"VENV={VENV}", "-o", str(stamp), target)


@pytest.mark.slow
def test_newcomer_adds_an_architecture(tmp_path: Path) -> None:
    repo = _fresh_copy(tmp_path / "kvarch")
    py = sys.executable

    out = _make(repo, "generate")  # README's first command: compile, then the runtime demo
    assert "generate: compiling schemas" in out and "resolves to MistralConfig" in out
    assert "greedy tokens identical to DynamicCache: True" in out
    assert "tokens/s" not in out and "ratio" not in out  # no single-shot speed figure

    _run(repo, py, "-m", "kvarch.cli", "new", "my_llama")
    schema = repo / "schemas" / "my_llama.yaml"
    text = schema.read_text()
    assert "default: 2048" in text
    schema.write_text(text.replace("default: 2048", "default: 4096"))

    assert "my_llama.py" in _make(repo, "generate")
    code = (
        "from generated.my_llama import MyLlamaConfig\n"
        "import generated\n"
        "cfg = {'model_type': 'my_llama', 'hidden_size': 256, 'num_hidden_layers': 4,\n"
        "       'num_attention_heads': 8, 'num_key_value_heads': 2}\n"
        "arch = generated.from_hf_config(cfg)\n"
        "assert type(arch) is MyLlamaConfig, type(arch)\n"
        "assert arch.model_max_seq_len == 4096\n"
        "assert (arch.num_key_value_heads, arch.head_dim, arch.num_layers) == (2, 32, 4)\n"
        "print('ok')\n"
    )
    assert _run(repo, py, "-c", code).strip() == "ok"

    model = repo / "my-model"
    model.mkdir()
    config = {
        "model_type": "my_llama",
        "hidden_size": 256,
        "num_hidden_layers": 4,
        "num_attention_heads": 8,
        "num_key_value_heads": 2,
        "vocab_size": 1000,
        "intermediate_size": 512,
    }
    (model / "config.json").write_text(json.dumps(config))
    inspect = json.loads(_run(repo, py, "-m", "kvarch.cli", "inspect", "my-model", "--json"))
    assert inspect["architecture"] == "MyLlamaConfig"
    assert inspect["bytes_per_token"] == 4 * 2 * 2 * 32 * 2
    plan = _run(repo, py, "-m", "kvarch.cli", "plan", "my-model", "--gpu-memory", "1GiB")
    assert "MyLlamaConfig" in plan and "max batch at max length" in plan
    assert "up to date" in _make(repo, "check")
