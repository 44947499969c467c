"""The ``kvarch`` command line: output, one-line errors, and no heavy imports."""

from __future__ import annotations

import io
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
    assert out.startswith("LlamaConfig: 32 layers: 32 full; 65536 bytes/token")  # fp8 halves it
    assert "0-31" in out and out.count("\n") == 5  # summary, dtype, one grouped row


def _inspect(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], config: dict[str, object]
) -> tuple[Path, list[str]]:
    """``kvarch inspect`` of ``config`` written as a config.json: (its path, the table's lines)."""
    path = tmp_path / "config.json"
    path.write_text(json.dumps(config))
    assert main(["inspect", str(path)]) == 0
    return path, capsys.readouterr().out.splitlines()


def test_inspect_shows_keys_cached_beside_kv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = {"model_type": "hy_v4", "num_hidden_layers": 6, "torch_dtype": "bfloat16"}
    path, out = _inspect(tmp_path, capsys, config)
    assert out[0].endswith(
        "6 layers: 6 full; 7680 bytes/token (7.50 KiB, bfloat16); max length 262144"
    )
    assert out[2].split() == [
        "layers", "count", "kind", "window", "kv_heads", "k_dim", "v_dim", "kv_from",
        "extra_keys", "bytes/token/layer",
    ]  # fmt: skip
    # layers 0, 1, 5 run HY-V4's indexer: 1152 latent + 256 indexer bytes per token
    assert [line.split()[-3:] for line in out[4:]] == [
        ["-", "-", "1152"],  # kv_from, extra_keys, bytes
        ["indexer", "1x128", "1408"],
    ]
    assert out[4].startswith("2-4 ") and out[5].startswith("all others ")
    assert main(["inspect", str(path), "--json"]) == 0
    layers = json.loads(capsys.readouterr().out)["layers"]
    assert [bool(s["extra_keys"]) for s in layers] == [True, True, False, False, False, True]


def test_inspect_shows_minimax_m3_indexer_keys_from_the_checkpoint_form(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """MiniMax-M3 as its checkpoints write the indexer (``sparse_attention_config``): the sparse
    layers add one 128-wide indexer key to their 4 KV heads of 128."""
    sparse = {"sparse_index_dim": 128, "sparse_attention_freq": [0, 0, 0, 1, 1, 1]}
    config = {
        "model_type": "minimax_m3_vl_text",
        "num_hidden_layers": 6,
        "torch_dtype": "bfloat16",
        "sparse_attention_config": sparse,
    }
    _, out = _inspect(tmp_path, capsys, config)
    assert out[0].endswith(
        "6 layers: 6 full; 13056 bytes/token (12.75 KiB, bfloat16); max length 524288"
    )
    assert [line.split() for line in out[4:]] == [
        ["0-2", "3", "full", "-", "4", "128", "128", "-", "-", "2048"],
        ["3-5", "3", "full", "-", "4", "128", "128", "-", "indexer", "1x128", "2304"],
    ]  # 2048 K/V + 256 indexer bytes per token on the sparse layers


def test_plan_table_and_json(llama_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["plan", str(llama_dir), "--gpu-memory", "80GiB", "--max-length", "8192"]
    assert main([*args, "--max-batch", "8"]) == 0
    out = capsys.readouterr().out
    assert "max batch at max length" in out and "formula: llama: 8.03 B parameters" in out
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
    assert data["weights"]["bytes"] == 16_060_522_496 and data["weights"]["source"] == "index"


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
    assert "kvarch plan: error: --tp:" in done.stderr and "--utilization" in done.stderr
    missing = run_cli("inspect", str(llama_dir / "nope.json"))
    assert missing.returncode == 2 and "readable config.json" in missing.stderr
    bad = llama_dir / "bad.json"
    bad.write_text(json.dumps({**LLAMA3_8B, "num_key_value_heads": 3}))
    wrong = run_cli("inspect", str(bad))
    assert wrong.returncode == 2 and "num_key_value_heads" in wrong.stderr
    assert "got 3" in wrong.stderr and "Traceback" not in wrong.stderr


BAD_FLAGS = [
    (["--max-batch", "0"], "argument --max-batch: '0': must be >= 1"),
    (["--max-length", "0"], "argument --max-length: '0': must be >= 1"),
    (["--tp", "0"], "argument --tp: '0': must be >= 1"),
    (["--page-size", "-1"], "argument --page-size: '-1': must be >= 1"),
    (["--utilization", "95"], "argument --utilization: '95': must be a fraction in (0, 1] "
                              "(for 95 %, write 0.95)"),
    (["--gpu-memory", "lots"], "argument --gpu-memory: 'lots' is not a size"),
    (["--max-length", "100000"], "kvarch plan: error: --max-length: 100000 exceeds the "
                                 "model's limit 8192"),
]  # fmt: skip


@pytest.mark.parametrize(("flags", "message"), BAD_FLAGS)
def test_bad_flags_are_named_in_the_error(llama_dir: Path, flags: list[str], message: str) -> None:
    done = run_cli("plan", str(llama_dir), "--gpu-memory", "80GiB", *flags)
    assert done.returncode == 2 and message in done.stderr, done.stderr
    as_json = run_cli("plan", str(llama_dir), "--gpu-memory", "80GiB", *flags, "--json")
    assert as_json.returncode == 2
    error = json.loads(as_json.stdout)["error"]
    assert error["command"] == "plan" and message.split("error: ")[-1] in error["message"]
    assert error["flag"] == flags[0]


def test_size_without_unit_is_gib_with_a_note(llama_dir: Path) -> None:
    done = run_cli("plan", str(llama_dir), "--gpu-memory", "80", "--json")
    assert done.returncode == 0, done.stderr
    assert "--gpu-memory 80: no unit, read as 80 GiB" in done.stderr
    assert json.loads(done.stdout)["free_bytes_per_device"] == 80 << 30


def test_default_plan_keeps_the_whole_context(llama_dir: Path) -> None:
    done = run_cli("plan", str(llama_dir), "--gpu-memory", "80GiB", "--json")
    plan = json.loads(done.stdout)["plan"]
    assert plan["max_seq_len"] == 8192 and plan["shrunk_from"] is None
    assert plan["max_batch_at_max_len"] == 57  # sequences of the full context at once
    small = run_cli("plan", str(llama_dir), "--gpu-memory", "17GiB")
    assert "shrunk from the model's 8192" in small.stdout, small.stdout + small.stderr


def test_version_help_pipe_and_bench(llama_dir: Path) -> None:
    assert run_cli("--version").stdout.startswith("kvarch ")
    assert "``" not in run_cli("--help").stdout
    assert "engine" in run_cli("bench", "--help").stdout
    piped = subprocess.run(
        f"{sys.executable} -m kvarch.cli inspect {llama_dir} --per-layer | head -1",
        shell=True, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert piped.stdout.startswith("LlamaConfig") and "Broken pipe" not in piped.stderr


def test_tp_bytes_per_token_are_labelled(capsys: pytest.CaptureFixture[str]) -> None:
    config = Path(__file__).parent / "fixtures" / "configs_gemma_and_mla" / "deepseek-v2-lite.json"
    assert main(["plan", str(config), "--gpu-memory", "80GiB", "--tp", "2"]) == 0
    out = capsys.readouterr().out
    assert "31104 per device; 62208 summed over 2 TP ranks, the same KV on every rank" in out


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


# --- kvarch run (needs the Engine) --------------------------------------------------------


@pytest.fixture
def tiny_config(tmp_path: Path) -> Path:
    """A bare config.json of a tiny Mistral (random weights, token-id prompts)."""
    from kvarch.demo import TINY_MISTRAL

    path = tmp_path / "tiny" / "config.json"
    path.parent.mkdir()
    path.write_text(json.dumps(TINY_MISTRAL))
    return path


@pytest.fixture
def tiny_checkpoint(tmp_path: Path) -> Path:
    """A folder with config.json, safetensors weights and a word-level tokenizer."""
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import MistralConfig, MistralForCausalLM, PreTrainedTokenizerFast

    from kvarch.demo import TINY_MISTRAL

    folder = tmp_path / "ckpt"
    words = ["<unk>", "<s>", "</s>", "hello", "world", "the", "cache", "is", "paged"]
    vocab = {w: i for i, w in enumerate(words)}
    vocab |= {f"w{i}": i for i in range(len(words), TINY_MISTRAL["vocab_size"])}
    tok = Tokenizer(models.WordLevel(vocab=vocab, unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok, unk_token="<unk>", bos_token="<s>", eos_token="</s>"
    )
    fast.save_pretrained(folder)
    config = MistralConfig(**{k: v for k, v in TINY_MISTRAL.items() if k != "torch_dtype"})
    torch = pytest.importorskip("torch")
    torch.manual_seed(0)
    MistralForCausalLM(config).save_pretrained(folder)
    assert any(folder.glob("*.safetensors"))
    return folder


def test_run_token_ids_json(tiny_config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["run", str(tiny_config), "--prompt", "1 2 3 4", "--prompt", "5, 6, 7",
            "--max-tokens", "4", "--ignore-eos", "--device", "cpu", "--json"]  # fmt: skip
    assert main(args) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["requests"] == 2 and doc["random_weights"] is True
    got = doc["completions"]
    assert [c["prompt_token_ids"] for c in got] == [[1, 2, 3, 4], [5, 6, 7]]
    assert [len(c["token_ids"]) for c in got] == [4, 4]
    assert all(c["text"] is None and c["finish_reason"] == "length" for c in got)
    assert all(0 <= t < 512 for c in got for t in c["token_ids"])
    assert doc["stats"]["generated_tokens"] == 8 and doc["stats"]["prompt_tokens"] == 7
    assert doc["tokens_per_s"] > 0 and doc["plan"]["page_size"] == 16


def test_run_stdin_prints_completions_then_stats(
    tiny_config: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("1 2 3\n\n9 8\n4\n"))
    args = ["run", str(tiny_config), "--max-tokens", "3", "--ignore-eos", "--device", "cpu",
            "--page-size", "16", "--max-batch", "4", "--max-length", "64"]  # fmt: skip
    assert main(args) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert [line.split()[0] for line in lines[:3]] == ["[0]", "[1]", "[2]"]
    assert all(len(line.split()) == 4 for line in lines[:3])  # "[i]" + 3 token ids
    last = lines[-1]
    assert last.startswith("requests 3 | prompt tokens 6 | generated tokens 9 |")
    assert "tokens/s" in last and "prefix hits" in last and "preemptions 0" in last


def test_run_prompts_file_sampling_and_no_prefix_caching(
    tiny_config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    prompts = tmp_path / "prompts.txt"
    prompts.write_text("1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17\n" * 2)
    common = ["run", str(tiny_config), "--prompts-file", str(prompts), "--max-tokens", "5",
              "--ignore-eos", "--device", "cpu", "--json"]  # fmt: skip
    sampled = [*common, "--temperature", "0.8", "--top-p", "0.9", "--top-k", "20", "--seed", "3"]
    assert main(sampled) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(sampled) == 0
    again = json.loads(capsys.readouterr().out)
    assert [c["token_ids"] for c in first["completions"]] == [
        c["token_ids"] for c in again["completions"]
    ]  # same seed, same samples
    assert main([*common, "--no-prefix-caching"]) == 0
    off = json.loads(capsys.readouterr().out)
    assert off["stats"]["prefix_hit_tokens"] == 0


def test_run_checkpoint_with_tokenizer_takes_text(
    tiny_checkpoint: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["run", str(tiny_checkpoint), "--prompt", "hello world the cache is paged",
            "--max-tokens", "4", "--ignore-eos", "--device", "cpu", "--dtype", "float32",
            "--json"]  # fmt: skip
    assert main(args) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["random_weights"] is False
    (c,) = doc["completions"]
    assert c["prompt_token_ids"][-6:] == [3, 4, 5, 6, 7, 8]
    assert len(c["token_ids"]) == 4 and isinstance(c["text"], str)
    assert main(args[:-1]) == 0  # plain output: the text, then the stats line
    out = capsys.readouterr().out.strip().splitlines()
    assert out[0].startswith("[0] ") and out[-1].startswith("requests 1 |")


def test_run_input_errors_are_one_line_with_exit_2(tiny_config: Path, tmp_path: Path) -> None:
    folder = tiny_config.parent
    cases = [
        (["run", str(tiny_config), "--prompt", "hello world"], "not token ids"),
        (["run", str(tiny_config), "--prompt", "1 512"], "outside the vocabulary"),
        (["run", str(folder), "--prompt", "1 2"], "--random-weights"),
        (["run", str(tmp_path / "nope"), "--prompt", "1"], "no such file or folder"),
        (["run", str(tmp_path), "--prompt", "1"], "no config.json"),
        (["run", str(tiny_config), "--prompts-file", str(tmp_path / "none.txt")], "prompts-file"),
        (["run", str(tiny_config), "--prompt", "1", "--prompts-file", "-"], "not both"),
    ]
    for args, words in cases:
        done = run_cli(*args)
        assert done.returncode == 2, (args, done.stdout, done.stderr)
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
        assert "kvarch run: error:" in done.stderr and words in done.stderr, done.stderr
    empty = subprocess.run(
        [sys.executable, "-m", "kvarch.cli", "run", str(tiny_config)],
        input="\n  \n", capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert empty.returncode == 2 and "no prompts" in empty.stderr
    bad_flag = run_cli("run", str(tiny_config), "--prompt", "1", "--top-p", "0")
    assert bad_flag.returncode == 2 and "(0, 1]" in bad_flag.stderr


def test_run_rejects_bad_input_before_importing_torch(tiny_config: Path) -> None:
    code = (
        "import sys; from kvarch.cli import main;"
        f"rc = main(['run', {str(tiny_config)!r}, '--prompt', 'not ids']);"
        "print('HEAVY', [m for m in ('torch', 'transformers') if m in sys.modules]);"
        "raise SystemExit(rc)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 2 and "HEAVY []" in done.stdout, done.stdout + done.stderr


def test_plan_and_inspect_show_recurrent_state_per_sequence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "config.json"
    path.write_text(json.dumps({"model_type": "jamba"}))  # 28 Mamba layers, 4 attention
    per_seq = 28 * (2 * 8192 * 4 + 4 * 8192 * 16)  # bf16 conv + float32 SSM state
    args = ["plan", str(path), "--gpu-memory", "80GiB", "--weights", "1GiB", "--max-batch", "8"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert f"state per sequence       {per_seq} (15.75 MiB)" in out
    assert main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["state_bytes_per_sequence"] == per_seq and data["bytes_per_token"] == 16384
    assert data["plan"]["state_bytes_per_device"] == 8 * per_seq
    assert main(["inspect", str(path)]) == 0
    out = capsys.readouterr().out
    assert "28 none (state 15.75 MiB/sequence), 4 full" in out
    assert f"{per_seq} bytes/sequence of state" in out
