"""``python -m kvarch.demo``: resolve a bundled tiny config, plan its cache, generate with it.

Runs on the default device (the first GPU, else the CPU) with a randomly initialised tiny
Mistral (sliding window) and prints, in plain words, what was resolved, what the cache plan
means and whether the paged cache generates the same tokens. It prints no speed: one short
run on a tiny model measures noise (``make bench`` measures speed).
"""

from __future__ import annotations

from typing import Any

from kvarch import registry

#: A tiny Mistral ``config.json`` (sliding window 16), small enough for any CPU.
TINY_MISTRAL: dict[str, Any] = {
    "architectures": ["MistralForCausalLM"],
    "model_type": "mistral",
    "hidden_size": 128,
    "intermediate_size": 256,
    "num_hidden_layers": 4,
    "num_attention_heads": 8,
    "num_key_value_heads": 2,
    "head_dim": 16,
    "vocab_size": 512,
    "max_position_embeddings": 4096,
    "sliding_window": 16,
    "torch_dtype": "float32",
}


def main(*, new_tokens: int = 48, batch: int = 4, prompt_len: int = 24) -> None:
    """Resolve, plan, generate; print what happened in plain words."""
    import torch
    from transformers import MistralConfig, MistralForCausalLM
    from transformers.cache_utils import DynamicCache

    from kvarch.device import DeviceRef
    from kvarch.dtype import DType
    from kvarch.kv_cache import KVCacheConfig
    from kvarch.runtime.hf import PagedCache, cache_keyword
    from kvarch.runtime.planner import as_groups

    cuda = torch.cuda.is_available()
    device = torch.device("cuda", 0) if cuda else torch.device("cpu")
    dtype = DType.bfloat16 if cuda else DType.float32
    page = 16
    cls = registry.resolve(TINY_MISTRAL)
    arch = cls.from_hf_config(
        TINY_MISTRAL,
        dtype=dtype,
        devices=[DeviceRef.GPU(0) if cuda else DeviceRef.CPU()],
        kv_cache=KVCacheConfig(kv_cache_page_size=page, enable_prefix_caching=False),
        user_provided_max_length=prompt_len + new_tokens,
    )
    params = arch.get_kv_params()
    print(
        f"1. compiled: the tiny Mistral config.json resolves to {cls.__name__}, a class "
        "generated from schemas/mistral.yaml"
    )
    for g in as_groups(params):
        p = g.params
        keeps = f"the last {g.window} tokens" if g.window else "every token"
        print(
            f"   its {len(g.layer_indices)} layers keep {keeps} ({p.n_kv_heads} KV heads of "
            f"{p.head_dim} values): {p.bytes_per_token} bytes of cache per token"
        )
    torch.manual_seed(0)
    config = MistralConfig(**{k: v for k, v in TINY_MISTRAL.items() if k != "torch_dtype"})
    model = MistralForCausalLM(config).to(device=device, dtype=dtype.to_torch()).eval()
    ids = torch.randint(1, config.vocab_size, (batch, prompt_len), device=device)
    cache = PagedCache.from_model(
        model,
        max_batch_size=batch,
        max_seq_len=prompt_len + new_tokens,
        page_size=page,
        params=params,
    )
    assert cache.plan is not None
    plan = cache.plan
    blocks = sum(plan.blocks_per_pool or plan.blocks_per_group)
    print(
        f"2. planned: {batch} sequences of up to {plan.max_seq_len} tokens on {device} "
        f"({dtype.value}) take {blocks} pages of {page} tokens; thanks to the window a "
        f"sequence never holds more than {-(-TINY_MISTRAL['sliding_window'] // page) + 1} "
        "pages once its prompt is in"
    )

    def run(past: Any, steps: int = new_tokens) -> Any:
        return model.generate(
            ids,
            attention_mask=torch.ones_like(ids),
            **{cache_keyword(model): past},
            max_new_tokens=steps,
            min_new_tokens=steps,
            do_sample=False,
            pad_token_id=0,
        )

    paged = run(cache)
    dense = run(DynamicCache(config=config))
    same = bool(torch.equal(paged, dense))
    print(
        f"3. generated: {batch} x {new_tokens} tokens on the paged cache; greedy tokens "
        f"identical to DynamicCache: {same}"
    )
    if not same:
        raise SystemExit("paged and dense generation differ")
    serve(model, page=page, new_tokens=new_tokens)


def serve(model: Any, *, page: int, new_tokens: int) -> None:
    """The continuous-batching Engine on requests of mixed lengths, some sharing a prefix."""
    import torch

    from kvarch.runtime.engine import Engine, SamplingParams

    gen = torch.Generator().manual_seed(1)
    vocab = int(model.config.vocab_size)
    system = torch.randint(1, vocab, (32,), generator=gen).tolist()
    prompts = [
        (system if i % 2 else []) + torch.randint(1, vocab, (n,), generator=gen).tolist()
        for i, n in enumerate((5, 40, 12, 33, 8, 21, 17, 50))
    ]
    engine = Engine(model, max_batch_size=4, max_seq_len=256, page_size=page)
    params = SamplingParams(max_tokens=new_tokens, ignore_eos=True)
    outs = engine.generate(prompts, params, use_tqdm=False)
    s = engine.stats
    print(
        f"4. served: {len(prompts)} requests of mixed lengths, at most 4 at a time, in "
        f"{s.steps} engine steps; {s.prefix_hit_tokens} prompt tokens were reused from "
        "requests sharing a prefix"
    )
    device = next(model.parameters()).device
    alone = model.generate(
        torch.tensor([prompts[3]], device=device),
        max_new_tokens=new_tokens,
        do_sample=False,
        eos_token_id=None,
        pad_token_id=0,
    )[0, len(prompts[3]) :].tolist()
    print(f"   request 3 equals generate() of it alone: {outs[3].token_ids == alone}")


if __name__ == "__main__":
    main()
