"""The ``kvarch`` command line: output, one-line errors, and no heavy imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kvarch.cli import main

LLAMA3_8B = {
    "architectures": ["LlamaForCausalLM"],
    "model_type": "llama",
    "hidden_size": 4096,
    "intermediate_size": 14336,
    "num_hidden_layers": 32,
    "num_attention_heads": 32,
    "num_key_value_heads": 8,
    "max_position_embeddings": 8192,
    "vocab_size": 128256,
    "torch_dtype": "bfloat16",
    "tie_word_embeddings": False,
}


@pytest.fixture
def llama_dir(tmp_path: Path) -> Path:
    (tmp_path / "config.json").write_text(json.dumps(LLAMA3_8B))
    return tmp_path


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kvarch.cli", *args], capture_output=True, text=True, timeout=60
    )


def test_inspect_json_is_the_layout(llama_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", str(llama_dir), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["architecture"] == "LlamaConfig"
    assert data["model_max_seq_len"] == 8192
    assert data["bytes_per_token"] == 131072
    assert len(data["layers"]) == 32
    expected = {
        "index": 0,
        "kind": "full",
        "window": None,
        "num_kv_heads": 8,
        "k_head_dim": 128,
        "v_head_dim": 128,
        "kv_source": None,
    }
    assert {k: data["layers"][0][k] for k in expected} == expected


def test_inspect_table(llama_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", str(llama_dir / "config.json"), "--dtype", "fp8"]) == 0
    out = capsys.readouterr().out
    assert "LlamaConfig" in out
    assert "65536" in out  # fp8 halves the bf16 bytes per token
    assert out.count("\n31 ") == 1  # the last of 32 layers is listed


def test_plan_table_and_json(llama_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["plan", str(llama_dir), "--gpu-memory", "80GiB", "--max-length", "8192"]
    assert main([*args, "--max-batch", "8"]) == 0
    out = capsys.readouterr().out
    assert "max batch at max length" in out and "estimate" in out
    assert main([*args, "--max-batch", "8", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["bytes_per_token"] == 131072
    plan = data["plan"]
    assert plan["max_seq_len"] == 8192
    assert plan["blocks_per_group"] == [8 * 64]  # 8 sequences x 8192 / 128 pages
    assert plan["max_batch_at_max_len"] == 8


def test_plan_reads_weights_from_the_checkpoint_index(
    llama_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index = {"metadata": {"total_size": 16_060_522_496}, "weight_map": {}}
    (llama_dir / "model.safetensors.index.json").write_text(json.dumps(index))
    assert main(["plan", str(llama_dir), "--gpu-memory", "80GiB", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["weights"] == {"bytes": 16_060_522_496, "source": "index"}


def test_plan_tp_splits_weights_and_heads(
    llama_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    common = ["plan", str(llama_dir), "--gpu-memory", "24GiB", "--json", "--max-batch", "1"]
    assert main([*common, "--tp", "1"]) == 0
    one = json.loads(capsys.readouterr().out)["plan"]
    assert main([*common, "--tp", "2"]) == 0
    two = json.loads(capsys.readouterr().out)["plan"]
    assert two["tp_degree"] == 2
    assert two["bytes_per_block_per_device"][0] * 2 == one["bytes_per_block_per_device"][0]
    assert two["available_bytes_per_device"] > one["available_bytes_per_device"]


def test_errors_are_one_line_with_exit_2(llama_dir: Path) -> None:
    done = run_cli("plan", str(llama_dir), "--gpu-memory", "8GiB")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "kvarch plan: error:" in done.stderr and "device_memory_utilization" in done.stderr
    missing = run_cli("inspect", str(llama_dir / "nope.json"))
    assert missing.returncode == 2 and "readable config.json" in missing.stderr
    bad = llama_dir / "bad.json"
    bad.write_text(json.dumps({**LLAMA3_8B, "num_key_value_heads": 3}))
    wrong = run_cli("inspect", str(bad))
    assert wrong.returncode == 2 and "num_key_value_heads" in wrong.stderr
    assert "got 3" in wrong.stderr and "Traceback" not in wrong.stderr


def test_debug_shows_the_traceback(llama_dir: Path) -> None:
    done = run_cli("--debug", "plan", str(llama_dir), "--gpu-memory", "8GiB")
    assert done.returncode != 0 and "Traceback" in done.stderr


def test_bad_size_is_a_usage_error(llama_dir: Path) -> None:
    done = run_cli("plan", str(llama_dir), "--gpu-memory", "lots")
    assert done.returncode == 2 and "not a size" in done.stderr


@pytest.mark.parametrize("command", ["inspect", "plan"])
def test_inspect_and_plan_import_neither_torch_nor_transformers(
    llama_dir: Path, command: str
) -> None:
    extra = ["--gpu-memory", "80GiB"] if command == "plan" else []
    code = (
        "import sys; from kvarch.cli import main;"
        f"rc = main({[command, str(llama_dir), *extra]!r});"
        "heavy = [m for m in ('torch', 'transformers') if m in sys.modules];"
        "print('HEAVY', heavy); raise SystemExit(rc or bool(heavy))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-500:] + done.stderr[-500:]
    assert "HEAVY []" in done.stdout
