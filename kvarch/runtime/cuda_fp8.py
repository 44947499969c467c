"""fp8 (e4m3) paged decode as a CUDA kernel compiled at first use by NVRTC.

Triton feeds ``tl.dot`` from shared memory, so an fp8 tile is converted and written back as
fp16 before each product: the bytes halve but the work per key does not. Here each thread
loads exactly the bytes its ``mma.sync.m16n8k16`` fragments need, 16 at a time, straight from
global memory into registers, and no tile goes through shared memory. That works because a
dot product does not care about the order of its terms: the head dimension is permuted so
every thread's fragment elements are contiguous in memory, q is loaded in the same permuted
order, and the output is written back through the inverse permutation.

``S^T = K q^T`` takes K as the MMA's A operand (16 keys as its rows, so a GQA group pads to 8
columns, not 16 rows), decoded by integer ops: ``((x >> 1) & 0x3F80) | (x & 0x8000)`` per
16-bit half turns an e4m3 byte in the high half into the fp16 of ``value * 2**-8``, exactly
(subnormals too), and the ``2**8`` is folded into the score scale. ``O^T = V^T P^T`` takes V^T
as the A operand (pairs of keys gathered by ``prmt`` and converted by ``cvt.rn.f16x2.e4m3x2``,
so the integer and conversion pipes share the decode) and P from the scores by two
``movmatrix`` transposes.

One program per (sequence, KV head, split); its four warps take interleaved 16-key chunks and
merge through shared memory once. With one split (and no sinks) it writes the output, else
partials that Triton's ``decode_reduce_kernel`` merges. Scope (:func:`supports`): e4m3 K and V
of head size 128, pages of a multiple of 16 tokens, up to 8 q heads per KV head, optional
window, per-tensor or per-KV-head scales; everything else runs on the Triton kernel, which
the interpreter runs in CI (this kernel is compiled there, and run only on a GPU).
"""

from __future__ import annotations

import ctypes
import functools
from typing import Any

import torch
from torch import Tensor

from kvarch.runtime import triton_kernels as kernels

SOURCE = r"""
typedef unsigned int u32;
#define NEG_INF __int_as_float(0xff800000)

__device__ __forceinline__ uint4 ldg16(const unsigned char* p) {
    uint4 r;
    asm volatile("ld.global.nc.L1::no_allocate.v4.u32 {%0,%1,%2,%3}, [%4];"
                 : "=r"(r.x), "=r"(r.y), "=r"(r.z), "=r"(r.w) : "l"(p));
    return r;
}

__device__ __forceinline__ u32 word(const uint4& v, int i) {
    return i == 0 ? v.x : (i == 1 ? v.y : (i == 2 ? v.z : v.w));
}

// e4m3 codes in bytes 0..3 of x -> fp16x2 of (code * 2^-8): (b0, b2) and (b1, b3)
__device__ __forceinline__ void decode(u32 x, u32& p02, u32& p13) {
    p13 = ((x >> 1) & 0x3F803F80u) | (x & 0x80008000u);
    u32 y = x << 8;
    p02 = ((y >> 1) & 0x3F803F80u) | (y & 0x80008000u);
}

__device__ __forceinline__ u32 prmt(u32 a, u32 b, u32 sel) {
    u32 r;
    asm("prmt.b32 %0, %1, %2, %3;" : "=r"(r) : "r"(a), "r"(b), "r"(sel));
    return r;
}

__device__ __forceinline__ u32 pack(float lo, float hi) {
    u32 r;
    asm("cvt.rn.f16x2.f32 %0, %1, %2;" : "=r"(r) : "f"(hi), "f"(lo));
    return r;
}

__device__ __forceinline__ float q_at(const unsigned short* q, int i) {
    unsigned short h = q[i];
#if Q_BF16
    return __uint_as_float(((u32)h) << 16);
#else
    float f;
    asm("cvt.f32.f16 %0, %1;" : "=f"(f) : "h"(h));
    return f;
#endif
}

__device__ __forceinline__ unsigned short to_q_dtype(float x) {
    unsigned short h;
#if Q_BF16
    asm("cvt.rn.bf16.f32 %0, %1;" : "=h"(h) : "f"(x));
#else
    asm("cvt.rn.f16.f32 %0, %1;" : "=h"(h) : "f"(x));
#endif
    return h;
}

__device__ __forceinline__ void mma(float* c, u32 a0, u32 a1, u32 a2, u32 a3, u32 b0, u32 b1) {
    asm volatile(
        "mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32 "
        "{%0,%1,%2,%3}, {%4,%5,%6,%7}, {%8,%9}, {%0,%1,%2,%3};"
        : "+f"(c[0]), "+f"(c[1]), "+f"(c[2]), "+f"(c[3])
        : "r"(a0), "r"(a1), "r"(a2), "r"(a3), "r"(b0), "r"(b1));
}

__device__ __forceinline__ float quad_max(float x) {
    x = fmaxf(x, __shfl_xor_sync(0xffffffffu, x, 1));
    return fmaxf(x, __shfl_xor_sync(0xffffffffu, x, 2));
}

__device__ __forceinline__ float quad_sum(float x) {
    x += __shfl_xor_sync(0xffffffffu, x, 1);
    return x + __shfl_xor_sync(0xffffffffu, x, 2);
}

// one 16-key chunk's bytes for this thread: K rows g and g+8 (32 bytes each, dims 32t..),
// V rows 2t, 2t+1, 2t+8, 2t+9 (16 bytes each, dims 16g..)
struct Raw { uint4 k[4]; uint4 v[4]; };

struct Ctx {
    const unsigned char* kc; const unsigned char* vc; const int* table;
    long long k_sb, k_sp, v_sb, v_sp;
    int g, t;
};

__device__ __forceinline__ void load(Raw& r, const Ctx& c, int n0) {
    long long blk = c.table[n0 / PAGE];
    int row = n0 % PAGE;
    const unsigned char* k = c.kc + blk * c.k_sb + (long long)row * c.k_sp + 32 * c.t;
    const unsigned char* v = c.vc + blk * c.v_sb + (long long)row * c.v_sp + 16 * c.g;
    r.k[0] = ldg16(k + c.g * c.k_sp);
    r.k[1] = ldg16(k + c.g * c.k_sp + 16);
    r.k[2] = ldg16(k + (c.g + 8) * c.k_sp);
    r.k[3] = ldg16(k + (c.g + 8) * c.k_sp + 16);
    r.v[0] = ldg16(v + (2 * c.t) * c.v_sp);
    r.v[1] = ldg16(v + (2 * c.t + 1) * c.v_sp);
    r.v[2] = ldg16(v + (2 * c.t + 8) * c.v_sp);
    r.v[3] = ldg16(v + (2 * c.t + 9) * c.v_sp);
}

__device__ __forceinline__ u32 transpose(u32 x) {
    u32 r;
    asm("movmatrix.sync.aligned.m8n8.trans.b16 %0, %1;" : "=r"(r) : "r"(x));
    return r;
}

// fp16x2 of the e4m3 code pairs in the low and the high 16 bits of x (exact values)
__device__ __forceinline__ void cvt4(u32 x, u32& lo, u32& hi) {
    asm("{ .reg .b16 a, b; mov.b32 {a, b}, %2; cvt.rn.f16x2.e4m3x2 %0, a; "
        "cvt.rn.f16x2.e4m3x2 %1, b; }" : "=r"(lo), "=r"(hi) : "r"(x));
}

// V rows a, b (words wa, wb): fp16x2 (a, b) at byte i of the word, i = 0..3
__device__ __forceinline__ void v_pairs(u32 wa, u32 wb, u32 (&p)[4]) {
    cvt4(prmt(wa, wb, 0x5140u), p[0], p[1]);
    cvt4(prmt(wa, wb, 0x7362u), p[2], p[3]);
}

// Per thread: the softmax state of heads 2t, 2t+1 and O^T[dims][heads 2t, 2t+1] as 8 m16n8
// tiles (tile 2w + h, row g: dim 16g + 4w + 2h, row g + 8: the dim after it).
struct State { float acc[8][4]; float m[2]; float l[2]; };

__device__ __forceinline__ void attend(
    State& st, Raw& r, const u32 (&qb)[8][2], int n0, int lo, int hi, float scale,
    const Ctx& c) {
    // S^T = K q^T: 16 keys x 8 heads, K from registers as the A operand
    float s[4] = {0.f, 0.f, 0.f, 0.f};
#pragma unroll
    for (int j = 0; j < 8; ++j) {
        u32 g02, g13, h02, h13;
        decode(word(r.k[j / 4], j % 4), g02, g13);
        decode(word(r.k[2 + j / 4], j % 4), h02, h13);
        mma(s, g02, h02, g13, h13, qb[j][0], qb[j][1]);
    }
    bool edge = n0 < lo || n0 + 16 > hi;
#pragma unroll
    for (int i = 0; i < 4; ++i) {
        int pos = n0 + c.g + 8 * (i >> 1);
        s[i] = (edge && (pos < lo || pos >= hi)) ? NEG_INF : s[i] * scale;
    }
    float alpha[2];
#pragma unroll
    for (int h = 0; h < 2; ++h) {  // head 2t + h: its 16 keys are spread over the 8 quads
        float mx = fmaxf(s[h], s[2 + h]);
        mx = fmaxf(mx, __shfl_xor_sync(0xffffffffu, mx, 4));
        mx = fmaxf(mx, __shfl_xor_sync(0xffffffffu, mx, 8));
        mx = fmaxf(mx, __shfl_xor_sync(0xffffffffu, mx, 16));
        float m_new = fmaxf(st.m[h], mx);
        float m_safe = m_new == NEG_INF ? 0.f : m_new;
        alpha[h] = exp2f(st.m[h] - m_safe);
        st.m[h] = m_new;
        s[h] = exp2f(s[h] - m_safe);
        s[2 + h] = exp2f(s[2 + h] - m_safe);
        st.l[h] = st.l[h] * alpha[h] + s[h] + s[2 + h];
    }
    if (!__all_sync(0xffffffffu, alpha[0] == 1.f && alpha[1] == 1.f)) {
#pragma unroll
        for (int m = 0; m < 8; ++m) {
            st.acc[m][0] *= alpha[0]; st.acc[m][1] *= alpha[1];
            st.acc[m][2] *= alpha[0]; st.acc[m][3] *= alpha[1];
        }
    }
    // P^T (keys x heads) -> P (heads x keys) fragments: the B operand of O^T += V^T P^T
    u32 b0 = transpose(pack(s[0], s[1])), b1 = transpose(pack(s[2], s[3]));
    // V rows 2t, 2t+1, 2t+8, 2t+9; at an edge the rows outside [lo, hi) become zeros: their
    // probability is 0, but a row no sequence wrote may hold NaN codes, and 0 x NaN is NaN
    if (edge) {
#pragma unroll
        for (int i = 0; i < 4; ++i) {
            int pos = n0 + 2 * c.t + (i & 1) + 8 * (i >> 1);
            if (pos < lo || pos >= hi) r.v[i] = make_uint4(0u, 0u, 0u, 0u);
        }
    }
#pragma unroll
    for (int w = 0; w < 4; ++w) {
        u32 x[4], y[4];
        v_pairs(word(r.v[0], w), word(r.v[1], w), x);
        v_pairs(word(r.v[2], w), word(r.v[3], w), y);
        mma(st.acc[2 * w], x[0], x[1], y[0], y[1], b0, b1);
        mma(st.acc[2 * w + 1], x[2], x[3], y[2], y[3], b0, b1);
    }
}

extern "C" __global__ void __launch_bounds__(128, 4) fp8_paged_decode(
    const unsigned short* q, const unsigned char* kc, const unsigned char* vc,
    const int* tables, const int* seq_lens, float* part_o, float* part_lse,
    const float* k_scale, const float* v_scale, double qk_scale, int window, int partition,
    int n_heads, int group, int splits, int q_sb, int q_sh, int k_sb, int k_sp, int k_sh,
    int v_sb, int v_sp, int v_sh, int t_sb, int per_head, unsigned short* out, int o_sb,
    int o_sh) {
    __shared__ float sm_acc[4][32 * 33];
    __shared__ float sm_ml[4][2][8];
    const int b = blockIdx.x, kvh = blockIdx.y, split = blockIdx.z;
    const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
    const int g = lane >> 2, t = lane & 3;
    const int seq_len = seq_lens[b];
    int start = window > 0 ? max(seq_len - window, 0) : 0;
    const int lo = start + split * partition;
    const int hi = min(seq_len, lo + partition);
    float ks = k_scale[per_head ? kvh : 0], vs = v_scale[per_head ? kvh : 0];
    const float scale = (float)qk_scale * ks * 256.f;

    // q row (head) g in the permuted order of the K fragments: dims 32t + 4j + {0, 2 | 1, 3}
    u32 qb[8][2];
    {
        bool ok = g < group;
        const unsigned short* qr =
            q + (long long)b * q_sb + (long long)(kvh * group + (ok ? g : 0)) * q_sh + 32 * t;
#pragma unroll
        for (int j = 0; j < 8; ++j) {
            float e0 = ok ? q_at(qr, 4 * j) : 0.f, e1 = ok ? q_at(qr, 4 * j + 1) : 0.f;
            float e2 = ok ? q_at(qr, 4 * j + 2) : 0.f, e3 = ok ? q_at(qr, 4 * j + 3) : 0.f;
            qb[j][0] = pack(e0, e2);
            qb[j][1] = pack(e1, e3);
        }
    }
    Ctx c{kc + (long long)kvh * k_sh, vc + (long long)kvh * v_sh, tables + (long long)b * t_sb,
          k_sb, k_sp, v_sb, v_sp, g, t};
    State st;
#pragma unroll
    for (int m = 0; m < 8; ++m) st.acc[m][0] = st.acc[m][1] = st.acc[m][2] = st.acc[m][3] = 0.f;
    st.m[0] = st.m[1] = NEG_INF;
    st.l[0] = st.l[1] = 0.f;
    if (lo < hi) {
        int n0 = (lo / 16) * 16 + 16 * warp;
        Raw ra, rb;
        if (n0 < hi) load(ra, c, n0);
        while (n0 < hi) {
            if (n0 + 64 < hi) load(rb, c, n0 + 64);
            attend(st, ra, qb, n0, lo, hi, scale, c);
            n0 += 64;
            if (n0 >= hi) break;
            if (n0 + 64 < hi) load(ra, c, n0 + 64);
            attend(st, rb, qb, n0, lo, hi, scale, c);
            n0 += 64;
        }
    }
    // merge the four warps: row sums over the quads, then (max, sum, accumulators) per head
#pragma unroll
    for (int h = 0; h < 2; ++h) {
        float l = st.l[h];
        l += __shfl_xor_sync(0xffffffffu, l, 4);
        l += __shfl_xor_sync(0xffffffffu, l, 8);
        l += __shfl_xor_sync(0xffffffffu, l, 16);
        if (g == 0) { sm_ml[warp][0][2 * t + h] = st.m[h]; sm_ml[warp][1][2 * t + h] = l; }
    }
#pragma unroll
    for (int m = 0; m < 8; ++m)
#pragma unroll
        for (int i = 0; i < 4; ++i) sm_acc[warp][lane * 33 + 4 * m + i] = st.acc[m][i];
    __syncthreads();
    for (int idx = threadIdx.x; idx < group * 128; idx += 128) {
        int head = idx >> 7, d = idx & 127;
        int byte = d & 3, tile = 2 * ((d >> 2) & 3) + (byte >> 1);
        int src = ((d >> 4) * 4 + (head >> 1)) * 33 + 4 * tile + 2 * (byte & 1) + (head & 1);
        float mx = NEG_INF;
#pragma unroll
        for (int w = 0; w < 4; ++w) mx = fmaxf(mx, sm_ml[w][0][head]);
        float m_safe = mx == NEG_INF ? 0.f : mx, l = 0.f, o = 0.f;
#pragma unroll
        for (int w = 0; w < 4; ++w) {
            float e = exp2f(sm_ml[w][0][head] - m_safe);
            l += e * sm_ml[w][1][head];
            o += e * sm_acc[w][src];
        }
#if DIRECT  // one split, no sinks: the output itself, in q's dtype
        out[(long long)b * o_sb + (long long)(kvh * group + head) * o_sh + d] =
            to_q_dtype(l > 0.f ? o * vs / l : 0.f);
#else
        long long out_row = ((long long)b * n_heads + kvh * group + head) * splits + split;
        part_o[out_row * 128 + d] = l > 0.f ? o * vs / l : 0.f;
        if (d == 0) part_lse[out_row] = l > 0.f ? m_safe + log2f(l) : NEG_INF;
#endif
    }
}
"""


def supports(q: Tensor, kc: Tensor, vc: Tensor, out: Tensor, *, group: int) -> bool:
    """Whether :func:`paged_decode` serves these shapes (else the Triton kernel does)."""
    caches = (kc, vc)
    return (
        q.is_cuda
        and q.dtype in (torch.bfloat16, torch.float16)
        and q.stride(2) == 1
        and out.shape[-1] == 128
        and all(c.dtype == torch.float8_e4m3fn for c in caches)
        and all(c.shape[3] == 128 and c.stride(3) == 1 for c in caches)
        and all(s % 16 == 0 and s < 2**31 for c in caches for s in c.stride()[:3])
        and all(c.data_ptr() % 16 == 0 for c in caches)
        and kc.shape[1] % 16 == 0
        and 1 <= group <= 8
        and max(q.stride()[:2]) < 2**31
    )


def available(device: torch.device) -> bool:
    """Whether this GPU runs the kernel: sm_89+ (e4m3 converts) and a torch with NVRTC."""
    return (
        device.type == "cuda"
        and hasattr(torch.cuda, "_compile_kernel")
        and torch.cuda.get_device_capability(device) >= (8, 9)
    )


def kernel_source(page: int, q_bf16: bool, direct: bool = False) -> str:
    """The CUDA source for one page size, q dtype (bf16, else fp16) and output: ``direct``
    writes the output (one split, no sinks), else partials for ``decode_reduce_kernel``."""
    return (
        f"#define PAGE {page}\n#define Q_BF16 {int(q_bf16)}\n#define DIRECT {int(direct)}\n"
        + SOURCE
    )


@functools.cache
def _kernel(device: int, page: int, q_bf16: bool, direct: bool) -> Any:
    """The kernel for one variant, built once per device (~1 s of NVRTC)."""
    with torch.cuda.device(device):
        return torch.cuda._compile_kernel(kernel_source(page, q_bf16, direct), "fp8_paged_decode")


class _Args(ctypes.Structure):
    """The kernel's parameters, in order (9 pointers, the score scale, 15 ints, the output)."""

    _fields_ = [
        *((f"p{i}", ctypes.c_void_p) for i in range(9)),
        ("qk_scale", ctypes.c_double),
        *((f"i{i}", ctypes.c_int) for i in range(15)),
        ("out", ctypes.c_void_p),
        ("o_sb", ctypes.c_int),
        ("o_sh", ctypes.c_int),
    ]


_OFFSETS = [getattr(_Args, field[0]).offset for field in _Args._fields_]


@functools.cache
def _launch_fn() -> Any:
    """The driver's ``cuLaunchKernel``, looked up once (the per-call lookup of
    ``torch.cuda._compile_kernel``'s launcher costs more than the kernel at small batch)."""
    fn = ctypes.CDLL("libcuda.so.1").cuLaunchKernel
    fn.argtypes = [ctypes.c_void_p, *[ctypes.c_uint] * 7, ctypes.c_void_p, ctypes.c_void_p,
                   ctypes.c_void_p]  # fmt: skip
    return fn


def paged_decode(
    q: Tensor, kc: Tensor, vc: Tensor, tables: Tensor, seq_lens: Tensor, out: Tensor,
    k_scale: Tensor, v_scale: Tensor, sinks: Tensor | None, *, qk_scale: float, window: int,
    span: int, splits: int, per_head: bool,
) -> Tensor:  # fmt: skip
    """Decode into ``out`` (``[batch, heads, 128]``). With one split, no sinks and ``out`` in
    q's dtype the kernel writes ``out``; otherwise each (sequence, q head, split)'s normalised
    partial output and log2-sum-exp, which Triton's ``decode_reduce_kernel`` merges (adding
    the sinks). ``qk_scale`` is in log2 units; ``k_scale`` / ``v_scale`` are float32 device
    tensors of 1 or KV-heads elements."""
    batch, n_heads = q.shape[0], q.shape[1]
    group = n_heads // kc.shape[2]
    direct = splits == 1 and sinks is None and out.dtype == q.dtype
    part_o = part_lse = out
    if not direct:
        rows = batch * n_heads * splits
        part_o = torch.empty(rows, 128, device=q.device)
        part_lse = torch.empty(rows, device=q.device)
    per_split = -(-span // splits)
    partition = -(-per_split // 64) * 64  # whole 64-key rounds of the four warps
    kernel = _kernel(q.device.index or 0, kc.shape[1], q.dtype == torch.bfloat16, direct)
    pointers = (q, kc, vc, tables, seq_lens, part_o, part_lse, k_scale, v_scale)
    ints = (
        window, partition, n_heads, group, splits, q.stride(0), q.stride(1),
        *kc.stride()[:3], *vc.stride()[:3], tables.stride(0), int(per_head),
    )  # fmt: skip
    args = _Args(
        *(t.data_ptr() for t in pointers), qk_scale, *ints, out.data_ptr(), out.stride(0),
        out.stride(1),
    )  # fmt: skip
    base = ctypes.addressof(args)
    params = (ctypes.c_void_p * len(_OFFSETS))(*(base + off for off in _OFFSETS))
    stream = torch.cuda.current_stream(q.device).cuda_stream
    status = _launch_fn()(kernel.func, batch, n_heads // group, splits, 128, 1, 1, 0, stream,
                          params, None)  # fmt: skip
    if status != 0:
        raise RuntimeError(f"cuLaunchKernel failed with CUDA error {status}")
    if not direct:
        kernels.decode_reduce_kernel[(batch, n_heads)](
            part_o, part_lse, out, out.stride(0), out.stride(1), n_heads,
            q if sinks is None else sinks,
            V_DIM=128, BLOCK_DV=128, SPLITS=splits, HAS_SINKS=sinks is not None, num_warps=4,
        )  # fmt: skip
    return out
