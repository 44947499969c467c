# mypy: disable-error-code="no-untyped-def,untyped-decorator"
"""Triton kernels for the paged KV cache: append, split-K paged decode, varlen paged prefill.

Launch them through :mod:`kvarch.runtime.triton_ops`, which checks arguments and picks tiles.
Caches are ``[blocks, page, heads, dim]`` views addressed through their four strides; a
token's page comes from its block-table entry, so one tile may span several pages.
Scores use base-2 exponentials (``qk_scale`` already holds ``log2(e)``; with a soft-cap it is
``scale / softcap`` and ``cap`` is ``softcap * log2(e)``). Options (soft-cap, sinks, chunked
attention) are constexpr flags, so kernels without them compile to the same code as before.
"""

from __future__ import annotations

import triton
import triton.language as tl


@triton.jit
def _mm(a, b, F32: tl.constexpr):
    """``a @ b`` in fp32 accumulation; F32 upcasts (the interpreter's bf16 dot is wrong)."""
    if F32:
        return tl.dot(a.to(tl.float32), b.to(tl.float32))
    return tl.dot(a, b)


@triton.jit
def _tanh(x):
    """``tanh(x)`` from one exp2 (exact limits at +-inf; the interpreter has no libdevice)."""
    return 1.0 - 2.0 / (tl.exp2(x * 2.885390081777927) + 1.0)


@triton.jit
def _add_sink(m_i, l_i, acc, sinks_ptr, head, ok):
    """Join each row's sink logit (natural units, one per q head) to the softmax denominator."""
    sink = tl.load(sinks_ptr + head, mask=ok, other=0.0).to(tl.float32) * 1.4426950408889634
    m_new = tl.maximum(m_i, sink)
    m_safe = tl.where(m_new == float("-inf"), 0.0, m_new)
    alpha = tl.exp2(m_i - m_safe)
    return l_i * alpha + tl.exp2(sink - m_safe), acc * alpha[:, None]


@triton.jit
def _store_quantized(ptr, x, scale, mask, HAS_SCALE: tl.constexpr, LIMIT: tl.constexpr):
    """Store ``x / scale`` in the cache dtype, clamped to ``+-LIMIT`` (fp8) when LIMIT > 0."""
    y = x.to(tl.float32)
    if HAS_SCALE:
        y = y / scale
    if LIMIT > 0:
        y = tl.minimum(tl.maximum(y, -LIMIT), LIMIT)
    tl.store(ptr, y.to(ptr.dtype.element_ty), mask=mask)


@triton.jit
def _load_scale(ptr, head, PER_HEAD: tl.constexpr):
    """A per-tensor scale, or KV head ``head``'s with PER_HEAD."""
    if PER_HEAD:
        return tl.load(ptr + head)
    return tl.load(ptr)


@triton.jit
def _e4m3_code(b):
    """fp16 bits of ``e * 2**-8`` for sign-extended int16 e4m3 codes ``b``: fp16 is e4m3 with one
    more exponent bit (bias 15 vs 7) and seven more mantissa bits, so shifting left by 7 and
    clearing the spare exponent bit is the whole, exact conversion (subnormals too)."""
    return (b << 7) & tl.full(b.shape, -16512, tl.int16)  # -16512 = 0xBF80


# Four fp8 codes (one 32-bit word) -> four fp16 by two packed converts (sm_89+), exact.
_CVT_E4M3 = tl.constexpr(
    "{ .reg .b16 lo, hi; .reg .b32 a, b; mov.b32 {lo, hi}, $4; cvt.rn.f16x2.e4m3x2 a, lo; "
    "cvt.rn.f16x2.e4m3x2 b, hi; mov.b32 {$0, $1}, a; mov.b32 {$2, $3}, b; }"
)
_CVT_E5M2 = tl.constexpr(
    "{ .reg .b16 lo, hi; .reg .b32 a, b; mov.b32 {lo, hi}, $4; cvt.rn.f16x2.e5m2x2 a, lo; "
    "cvt.rn.f16x2.e5m2x2 b, hi; mov.b32 {$0, $1}, a; mov.b32 {$2, $3}, b; }"
)


@triton.jit
def _cvt_words(x, E5M2: tl.constexpr):
    """fp16 of the four fp8 codes in each int32 of ``x`` (``[rows, n]`` -> ``[rows, 4n]``)."""
    asm: tl.constexpr = _CVT_E5M2 if E5M2 else _CVT_E4M3
    c0, c1, c2, c3 = tl.inline_asm_elementwise(
        asm, "=h,=h,=h,=h,r", [x], dtype=(tl.float16,) * 4, is_pure=True, pack=1
    )
    # join adds a minor axis, so the nested joins order the codes (c0, c2)(c1, c3) -> c0 c1 c2 c3
    return tl.join(tl.join(c0, c2), tl.join(c1, c3)).reshape([x.shape[0], 4 * x.shape[1]])


@triton.jit
def _load_cols(
    ptr, row, rows_ok, col0, limit,
    COLS: tl.constexpr, MASK_ROWS: tl.constexpr, MASK_COLS: tl.constexpr, DECODE: tl.constexpr,
):  # fmt: skip
    """Columns ``[col0, col0 + COLS)`` (those < ``limit`` with MASK_COLS) of the rows at offsets
    ``row`` (``[rows, 1]``, those with ``rows_ok`` with MASK_ROWS); masked entries are 0.

    DECODE 1 (e4m3): the codes are read two per 16-bit load and returned as fp16 of
    ``x * 2**-8`` (callers fold ``2**8`` into their scales) by integer ops only, in the load's
    own register layout: the fp16 tile, not its bytes, then goes through shared memory to
    ``tl.dot`` (vector stores and ldmatrix instead of single-byte loads). ``row`` then counts
    16-bit words (the launcher passes the cache strides halved, so Triton still sees 16-aligned
    rows and vectorizes) and ``col0`` is even. DECODE 2 (e4m3 or e5m2): likewise in 32-bit
    words of four codes (strides in words, ``col0`` a multiple of 4), turned into exact fp16
    by ``cvt.rn.f16x2`` (one instruction per two codes). NaN codes are never written (stores
    saturate).
    """
    if DECODE == 1:
        j = tl.arange(0, COLS // 2)
        col = col0 + 2 * j
        words = ptr.to(tl.pointer_type(tl.int16)) + row + (col0 // 2 + j)[None, :]
    elif DECODE == 2:
        j = tl.arange(0, COLS // 4)
        col = col0 + 4 * j
        words = ptr.to(tl.pointer_type(tl.int32)) + row + (col0 // 4 + j)[None, :]
    else:
        col = col0 + tl.arange(0, COLS)
        words = ptr + row + col[None, :]
    zero = tl.zeros([1, 1], words.dtype.element_ty)  # masked entries: 0 of the loaded type
    if MASK_ROWS and MASK_COLS:
        x = tl.load(words, mask=rows_ok[:, None] & (col < limit)[None, :], other=zero)
    elif MASK_ROWS:
        x = tl.load(words, mask=rows_ok[:, None], other=zero)
    elif MASK_COLS:
        x = tl.load(words, mask=(col < limit)[None, :], other=zero)
    else:
        x = tl.load(words)
    return _decode_words(x, DECODE, ptr.dtype.element_ty == tl.float8e5)


@triton.jit
def _decode_words(x, DECODE: tl.constexpr, E5M2: tl.constexpr):
    """fp16 of a ``[rows, n]`` tile of words (DECODE 1: int16 of two e4m3 codes, as fp16 of
    ``x * 2**-8``; 2: int32 of four codes) as ``[rows, COLS]``; DECODE 0 returns ``x``."""
    if DECODE == 1:
        lo = _e4m3_code((x << 8) >> 8)  # the low byte is the even column
        hi = _e4m3_code(x >> 8)
        x = tl.join(lo, hi).reshape([x.shape[0], 2 * x.shape[1]]).to(tl.float16, bitcast=True)
    elif DECODE == 2:
        x = _cvt_words(x, E5M2)
    return x


@triton.jit(do_not_specialize=["num_tokens"])  # one compile for every step size
def write_kv_kernel(
    k_ptr,
    v_ptr,
    kc_ptr,
    vc_ptr,
    slot_ptr,
    k_scale_ptr,
    v_scale_ptr,
    num_tokens,
    page_size,
    k_st,
    k_sh,
    v_st,
    v_sh,
    kc_sb,
    kc_sp,
    kc_sh,
    vc_sb,
    vc_sp,
    vc_sh,
    HEAD_DIM: tl.constexpr,
    BLOCK_T: tl.constexpr,
    BLOCK_D: tl.constexpr,
    HAS_V: tl.constexpr,
    HAS_SCALE: tl.constexpr,
    SCALE_PER_HEAD: tl.constexpr,
    LIMIT: tl.constexpr,
):
    """One program stores BLOCK_T tokens of one head (K and V); slot -1 is skipped."""
    pid_t = tl.program_id(0)
    head = tl.program_id(1)
    tok = pid_t * BLOCK_T + tl.arange(0, BLOCK_T)
    slot = tl.load(slot_ptr + tok, mask=tok < num_tokens, other=-1)
    blk = slot // page_size
    off = slot % page_size
    d = tl.arange(0, BLOCK_D)
    mask = (slot >= 0)[:, None] & (d < HEAD_DIM)[None, :]
    tok64 = tok.to(tl.int64)[:, None]
    k = tl.load(k_ptr + tok64 * k_st + head * k_sh + d[None, :], mask=mask)
    dst = kc_ptr + blk[:, None] * kc_sb + off[:, None] * kc_sp + head * kc_sh + d[None, :]
    k_scale = 1.0
    if HAS_SCALE:
        k_scale = _load_scale(k_scale_ptr, head, SCALE_PER_HEAD)
    _store_quantized(dst, k, k_scale, mask, HAS_SCALE, LIMIT)
    if HAS_V:
        v = tl.load(v_ptr + tok64 * v_st + head * v_sh + d[None, :], mask=mask)
        dst = vc_ptr + blk[:, None] * vc_sb + off[:, None] * vc_sp + head * vc_sh + d[None, :]
        v_scale = 1.0
        if HAS_SCALE:
            v_scale = _load_scale(v_scale_ptr, head, SCALE_PER_HEAD)
        _store_quantized(dst, v, v_scale, mask, HAS_SCALE, LIMIT)


@triton.jit
def _attend_tile(
    q1, q2, m_i, l_i, acc, kc_ptr, vc_ptr, bt_row_ptr, kv_head, n0, page_size,
    load_lo, load_hi, visible_lo, visible_hi, qk_scale, cap,
    kc_sb, kc_sp, kc_sh, vc_sb, vc_sp, vc_sh,
    HEAD_DIM: tl.constexpr, V_DIM: tl.constexpr, D1: tl.constexpr, BLOCK_D2: tl.constexpr,
    BLOCK_DV: tl.constexpr, BLOCK_N: tl.constexpr, V_IS_K1: tl.constexpr,
    MASKED: tl.constexpr, SOFTCAP: tl.constexpr, F32: tl.constexpr, FP8_DECODE: tl.constexpr,
    IDX32: tl.constexpr,
):  # fmt: skip
    """Online-softmax update with keys ``n0 .. n0+BLOCK_N``.

    K columns are split as ``[0, D1)`` (a power of two) plus a masked remainder of BLOCK_D2,
    so 576-wide MLA latents are not padded to 1024; with V_IS_K1 the first part is V.
    MASKED tiles read only positions in ``[load_lo, load_hi)`` (others may have no page) and
    a row sees ``[visible_lo, visible_hi)`` (``[rows, 1]``); unmasked tiles are all visible.
    SOFTCAP caps the scores (``cap * tanh(s * qk_scale)``) before the mask, as transformers do.
    Tiles become operands of q's dtype; with FP8_DECODE (see :func:`_load_cols`), fp16 (q is
    fp16; for the integer decode, of ``x * 2**-8``, and the caller's scales hold the ``2**8``).
    IDX32 computes row offsets in 32 bits (the caller checked that every offset fits).
    """
    pos = n0 + tl.arange(0, BLOCK_N)
    in_seq = (pos >= load_lo) & (pos < load_hi) if MASKED else pos >= 0
    if page_size % BLOCK_N == 0:
        # the tile lies in one page, which holds a position in range (tiles meet [lo, hi)):
        # one table entry, and rows at fixed offsets from it
        blk = tl.load(bt_row_ptr + n0 // page_size)
    elif MASKED:
        blk = tl.load(bt_row_ptr + pos // page_size, mask=in_seq, other=0)
    else:
        blk = tl.load(bt_row_ptr + pos // page_size)
    if not IDX32:
        blk = blk.to(tl.int64)
    off = pos % page_size
    k_row = (blk * kc_sb + off * kc_sp + kv_head * kc_sh)[:, None]
    k1 = _load_cols(kc_ptr, k_row, in_seq, 0, D1, D1, MASKED, False, FP8_DECODE).to(q1.dtype)
    s = _mm(q1, tl.trans(k1), F32)
    if BLOCK_D2 > 0:
        # masks only what can be out of range: rows in masked tiles, columns past a padded tail
        k2 = _load_cols(
            kc_ptr,
            k_row,
            in_seq,
            D1,
            HEAD_DIM,
            BLOCK_D2,
            MASKED,
            D1 + BLOCK_D2 > HEAD_DIM,
            FP8_DECODE,
        ).to(q2.dtype)
        s += _mm(q2, tl.trans(k2), F32)
    m_new, alpha, p = _softmax_step(
        s, m_i, pos, visible_lo, visible_hi, qk_scale, cap, MASKED, SOFTCAP
    )
    if V_IS_K1:
        v = k1
    else:
        v_row = (blk * vc_sb + off * vc_sp + kv_head * vc_sh)[:, None]
        v = _load_cols(
            vc_ptr, v_row, in_seq, 0, V_DIM, BLOCK_DV, MASKED, BLOCK_DV != V_DIM, FP8_DECODE
        ).to(q1.dtype)
    l_i, acc = _accumulate(l_i, acc, alpha, p, _mm(p.to(q1.dtype), v, F32))
    return m_new, l_i, acc


@triton.jit
def _softmax_step(
    s, m_i, pos, visible_lo, visible_hi, qk_scale, cap, MASKED: tl.constexpr,
    SOFTCAP: tl.constexpr,
):  # fmt: skip
    """Raw scores of keys ``pos`` -> (new running max, rescale of the old sums, probabilities)."""
    s = s * qk_scale
    if SOFTCAP:
        s = _tanh(s) * cap
    if MASKED:
        visible = (pos[None, :] >= visible_lo) & (pos[None, :] < visible_hi)
        s = tl.where(visible, s, float("-inf"))
    m_new = tl.maximum(m_i, tl.max(s, 1))
    m_safe = tl.where(m_new == float("-inf"), 0.0, m_new)
    alpha = tl.exp2(m_i - m_safe)
    p = tl.exp2(s - m_safe[:, None])
    return m_new, alpha, p


@triton.jit
def _accumulate(l_i, acc, alpha, p, pv):
    """Fold one tile's probabilities and their values ``pv = p @ V`` into the running sums."""
    acc = acc * alpha[:, None] + pv
    l_i = l_i * alpha + tl.sum(p, 1)
    return l_i, acc


@triton.jit
def _attend_range(
    q1, q2, m_i, l_i, acc, kc_ptr, vc_ptr, bt_row_ptr, kv_head, page_size,
    lo, hi, full_lo, full_hi, visible_lo, visible_hi, qk_scale, cap,
    kc_sb, kc_sp, kc_sh, vc_sb, vc_sp, vc_sh,
    HEAD_DIM: tl.constexpr, V_DIM: tl.constexpr, D1: tl.constexpr, BLOCK_D2: tl.constexpr,
    BLOCK_DV: tl.constexpr, BLOCK_N: tl.constexpr, V_IS_K1: tl.constexpr,
    SOFTCAP: tl.constexpr, F32: tl.constexpr, FP8_DECODE: tl.constexpr, IDX32: tl.constexpr,
):  # fmt: skip
    """Keys ``[lo, hi)``: tiles inside ``[full_lo, full_hi)`` (BLOCK_N-aligned, visible to every
    row) skip all masking; the partial tiles on either side are masked."""
    full_lo = tl.minimum(full_lo, hi)
    for n0 in range((lo // BLOCK_N) * BLOCK_N, full_lo, BLOCK_N):
        m_i, l_i, acc = _attend_tile(
            q1, q2, m_i, l_i, acc, kc_ptr, vc_ptr, bt_row_ptr, kv_head, n0, page_size,
            lo, hi, visible_lo, visible_hi, qk_scale, cap,
            kc_sb, kc_sp, kc_sh, vc_sb, vc_sp, vc_sh,
            HEAD_DIM, V_DIM, D1, BLOCK_D2, BLOCK_DV, BLOCK_N, V_IS_K1, True, SOFTCAP, F32,
            FP8_DECODE, IDX32,
        )  # fmt: skip
    full_hi = tl.maximum(full_hi, full_lo)
    for n0 in range(full_lo, full_hi, BLOCK_N):
        m_i, l_i, acc = _attend_tile(
            q1, q2, m_i, l_i, acc, kc_ptr, vc_ptr, bt_row_ptr, kv_head, n0, page_size,
            lo, hi, visible_lo, visible_hi, qk_scale, cap,
            kc_sb, kc_sp, kc_sh, vc_sb, vc_sp, vc_sh,
            HEAD_DIM, V_DIM, D1, BLOCK_D2, BLOCK_DV, BLOCK_N, V_IS_K1, False, SOFTCAP, F32,
            FP8_DECODE, IDX32,
        )  # fmt: skip
    for n0 in range(full_hi, hi, BLOCK_N):
        m_i, l_i, acc = _attend_tile(
            q1, q2, m_i, l_i, acc, kc_ptr, vc_ptr, bt_row_ptr, kv_head, n0, page_size,
            lo, hi, visible_lo, visible_hi, qk_scale, cap,
            kc_sb, kc_sp, kc_sh, vc_sb, vc_sp, vc_sh,
            HEAD_DIM, V_DIM, D1, BLOCK_D2, BLOCK_DV, BLOCK_N, V_IS_K1, True, SOFTCAP, F32,
            FP8_DECODE, IDX32,
        )  # fmt: skip
    return m_i, l_i, acc


@triton.jit
def _kv_scales(
    qk_scale, k_scale_ptr, v_scale_ptr, kv_head,
    HAS_SCALE: tl.constexpr, PER_HEAD: tl.constexpr, FP8_DECODE: tl.constexpr,
):  # fmt: skip
    """(score scale, output scale) with the cache scales (and FP8_DECODE's ``2**8``) folded in."""
    scale = qk_scale
    v_scale = 1.0
    if HAS_SCALE:
        scale = scale * _load_scale(k_scale_ptr, kv_head, PER_HEAD)
        v_scale = _load_scale(v_scale_ptr, kv_head, PER_HEAD)
    if FP8_DECODE == 1:
        scale = scale * 256.0
        v_scale = v_scale * 256.0
    return scale, v_scale


@triton.jit
def _load_q(
    q_ptr, row_off, ok,
    HEAD_DIM: tl.constexpr, D1: tl.constexpr, BLOCK_D2: tl.constexpr, DOT_F16: tl.constexpr,
):  # fmt: skip
    """Query rows split like the keys: ``[rows, D1]`` and the remainder (or the first again),
    in fp16 with DOT_F16."""
    d1 = tl.arange(0, D1)
    q1 = tl.load(q_ptr + row_off[:, None] + d1[None, :], mask=ok[:, None], other=0.0)
    q2 = q1
    if BLOCK_D2 > 0:
        d2 = D1 + tl.arange(0, BLOCK_D2)
        mask = ok[:, None] & (d2 < HEAD_DIM)[None, :]
        q2 = tl.load(q_ptr + row_off[:, None] + d2[None, :], mask=mask, other=0.0)
    if DOT_F16:
        q1 = q1.to(tl.float16)
        q2 = q2.to(tl.float16)
    return q1, q2


@triton.jit
def _head_block(hb, lane, GROUP: tl.constexpr, BLOCK_G: tl.constexpr):
    """Head block ``hb`` and lanes in ``[0, BLOCK_G)`` -> (KV head, q heads, which exist)."""
    blocks_per_kv: tl.constexpr = (GROUP + BLOCK_G - 1) // BLOCK_G
    kv_head = hb // blocks_per_kv
    g = (hb % blocks_per_kv) * BLOCK_G + lane
    return kv_head, kv_head * GROUP + g, g < GROUP


@triton.jit(do_not_specialize=["partition"])
def paged_decode_kernel(
    q_ptr, kc_ptr, vc_ptr, bt_ptr, seq_lens_ptr, out_ptr, part_o_ptr, part_lse_ptr,
    k_scale_ptr, v_scale_ptr, qk_scale, window, page_size: tl.constexpr, partition, n_heads,
    q_sb, q_sh, kc_sb, kc_sp, kc_sh, vc_sb, vc_sp, vc_sh, bt_sb, o_sb, o_sh, sinks_ptr, cap,
    GROUP: tl.constexpr, BLOCK_G: tl.constexpr, HEAD_DIM: tl.constexpr, V_DIM: tl.constexpr,
    D1: tl.constexpr, BLOCK_D2: tl.constexpr, BLOCK_DV: tl.constexpr, BLOCK_N: tl.constexpr,
    SPLITS: tl.constexpr, V_IS_K1: tl.constexpr, HAS_WINDOW: tl.constexpr,
    HAS_CHUNK: tl.constexpr, SOFTCAP: tl.constexpr, HAS_SINKS: tl.constexpr,
    HAS_SCALE: tl.constexpr, SCALE_PER_HEAD: tl.constexpr, DOT_F16: tl.constexpr,
    FP8_DECODE: tl.constexpr, F32: tl.constexpr, IDX32: tl.constexpr,
):  # fmt: skip
    """Program (sequence, head block, split): up to BLOCK_G q heads of one KV head over one
    partition of the visible context (the window or the query's chunk, if any; ``window``
    holds the chunk size with HAS_CHUNK), so each K/V tile is loaded once for the group. With
    SPLITS > 1 it writes a normalised partial output and its log2-sum-exp for
    :func:`decode_reduce_kernel` (which adds the sinks); otherwise the sinks are added here.
    fp8 tiles are dequantized in registers (DOT_F16: fp16 dots; FP8_DECODE: how, 1 integer
    decode, 2 packed converts) and the scales are folded into the score scale and the output.
    ``page_size`` is a compile-time constant (one compile per page size), so a key's page and
    row are a shift and a mask, not a division by a runtime value, and a tile inside one page
    reads one table entry.

    Only positions ``[start, seq_len)`` are read, table entries included: a row of length 0
    (a padding row of a CUDA-graph bucket: table all -1, garbage q) reads nothing and writes 0.
    """
    b = tl.program_id(0)
    split = tl.program_id(2)
    kv_head, head, g_ok = _head_block(tl.program_id(1), tl.arange(0, BLOCK_G), GROUP, BLOCK_G)
    seq_len = tl.load(seq_lens_ptr + b)
    start = 0
    if HAS_WINDOW:
        start = tl.maximum(seq_len - window, 0)
    if HAS_CHUNK:
        start = (tl.maximum(seq_len - 1, 0) // window) * window
    lo = start + split * partition
    hi = tl.minimum(seq_len, lo + partition)
    q1, q2 = _load_q(q_ptr + b * q_sb, head * q_sh, g_ok, HEAD_DIM, D1, BLOCK_D2, DOT_F16)
    scale, v_scale = _kv_scales(
        qk_scale, k_scale_ptr, v_scale_ptr, kv_head, HAS_SCALE, SCALE_PER_HEAD, FP8_DECODE
    )
    m_i = tl.full([BLOCK_G], float("-inf"), tl.float32)
    l_i = tl.zeros([BLOCK_G], tl.float32)
    acc = tl.zeros([BLOCK_G, BLOCK_DV], tl.float32)
    if lo < hi:
        vis_lo = tl.zeros([BLOCK_G, 1], tl.int32) + lo
        vis_hi = tl.zeros([BLOCK_G, 1], tl.int32) + hi
        full_lo = tl.cdiv(lo, BLOCK_N) * BLOCK_N
        full_hi = (hi // BLOCK_N) * BLOCK_N
        m_i, l_i, acc = _attend_range(
            q1, q2, m_i, l_i, acc, kc_ptr, vc_ptr, bt_ptr + b.to(tl.int64) * bt_sb,
            kv_head, page_size, lo, hi, full_lo, full_hi, vis_lo, vis_hi, scale, cap,
            kc_sb, kc_sp, kc_sh, vc_sb, vc_sp, vc_sh,
            HEAD_DIM, V_DIM, D1, BLOCK_D2, BLOCK_DV, BLOCK_N, V_IS_K1, SOFTCAP, F32, FP8_DECODE,
            IDX32,
        )  # fmt: skip
    if HAS_SINKS and SPLITS == 1:
        l_i, acc = _add_sink(m_i, l_i, acc, sinks_ptr, head, g_ok)
    l_safe = tl.where(l_i > 0.0, l_i, 1.0)
    o = acc * (v_scale / l_safe)[:, None]
    dv = tl.arange(0, BLOCK_DV)
    o_mask = g_ok[:, None] & (dv < V_DIM)[None, :]
    if SPLITS == 1:
        dst = out_ptr + b * o_sb + head[:, None] * o_sh + dv[None, :]
        tl.store(dst, o.to(out_ptr.dtype.element_ty), mask=o_mask)
    else:
        row = (b * n_heads + head) * SPLITS + split
        tl.store(part_o_ptr + row[:, None] * BLOCK_DV + dv[None, :], o, mask=o_mask)
        lse = tl.where(l_i > 0.0, m_i + tl.log2(l_safe), float("-inf"))
        tl.store(part_lse_ptr + row, lse, mask=g_ok)


@triton.jit
def decode_reduce_kernel(
    part_o_ptr,
    part_lse_ptr,
    out_ptr,
    o_sb,
    o_sh,
    n_heads,
    sinks_ptr,
    V_DIM: tl.constexpr,
    BLOCK_DV: tl.constexpr,
    SPLITS: tl.constexpr,
    HAS_SINKS: tl.constexpr,
):
    """Program (sequence, q head): merge the split partials by their log-sum-exp weights (and
    the head's sink logit, which joins the denominator once)."""
    b = tl.program_id(0)
    head = tl.program_id(1)
    row = (b * n_heads + head) * SPLITS
    s = tl.arange(0, SPLITS)
    lse = tl.load(part_lse_ptr + row + s)
    m = tl.max(lse, 0)
    if HAS_SINKS:
        sink = tl.load(sinks_ptr + head).to(tl.float32) * 1.4426950408889634
        m = tl.maximum(m, sink)
    m_safe = tl.where(m == float("-inf"), 0.0, m)
    w = tl.exp2(lse - m_safe)
    dv = tl.arange(0, BLOCK_DV)
    parts = tl.load(
        part_o_ptr + (row + s)[:, None] * BLOCK_DV + dv[None, :],
        mask=(w > 0.0)[:, None] & (dv < V_DIM)[None, :],
        other=0.0,
    )
    total = tl.sum(w, 0)
    if HAS_SINKS:
        total += tl.exp2(sink - m_safe)
    o = tl.sum(parts * w[:, None], 0) / tl.where(total > 0.0, total, 1.0)
    tl.store(out_ptr + b * o_sb + head * o_sh + dv, o.to(out_ptr.dtype.element_ty), mask=dv < V_DIM)


@triton.jit(do_not_specialize=["batch"])  # mixed steps vary it every step
def paged_prefill_kernel(
    q_ptr, kc_ptr, vc_ptr, bt_ptr, seq_lens_ptr, qsl_ptr, out_ptr, k_scale_ptr, v_scale_ptr,
    qk_scale, window, page_size: tl.constexpr, batch,
    q_st, q_sh, kc_sb, kc_sp, kc_sh, vc_sb, vc_sp, vc_sh, bt_sb, o_st, o_sh, sinks_ptr, cap,
    GROUP: tl.constexpr, BLOCK_G: tl.constexpr, BLOCK_Q: tl.constexpr, HEAD_DIM: tl.constexpr,
    V_DIM: tl.constexpr, D1: tl.constexpr, BLOCK_D2: tl.constexpr, BLOCK_DV: tl.constexpr,
    BLOCK_N: tl.constexpr, V_IS_K1: tl.constexpr, HAS_WINDOW: tl.constexpr,
    HAS_CHUNK: tl.constexpr, SOFTCAP: tl.constexpr, HAS_SINKS: tl.constexpr,
    HAS_SCALE: tl.constexpr, SCALE_PER_HEAD: tl.constexpr, DOT_F16: tl.constexpr,
    FP8_DECODE: tl.constexpr, REVERSE: tl.constexpr, F32: tl.constexpr,
):  # fmt: skip
    """Program (query tile, head block): BLOCK_Q queries x BLOCK_G heads of one sequence, causal
    (and within the window, or the query's chunk with HAS_CHUNK: ``window`` holds its size).

    Tiles are numbered across the packed batch (sequence b's first tile is
    ``qsl[b] // BLOCK_Q + b``), so the grid needs no host sync; spare tiles exit at once.
    fp8 tiles, scales and the compile-time ``page_size`` are as in :func:`paged_decode_kernel`.
    """
    tile = tl.program_id(0)
    if REVERSE:  # the longest causal tiles first, so short ones fill the tail
        tile = tl.num_programs(0) - 1 - tile
    # Binary search: the last sequence whose first tile is <= this tile.
    left = 0
    right = batch
    while left < right:
        mid = (left + right) // 2
        if tl.load(qsl_ptr + mid) // BLOCK_Q + mid <= tile:
            left = mid + 1
        else:
            right = mid
    b = left - 1
    q_start = tl.load(qsl_ptr + b)
    q_len = tl.load(qsl_ptr + b + 1) - q_start
    first = (tile - (q_start // BLOCK_Q + b)) * BLOCK_Q
    if first < q_len:
        ctx = tl.load(seq_lens_ptr + b)
        rows: tl.constexpr = BLOCK_Q * BLOCK_G
        r = tl.arange(0, rows)
        t = first + r // BLOCK_G
        kv_head, head, g_ok = _head_block(tl.program_id(1), r % BLOCK_G, GROUP, BLOCK_G)
        ok = (t < q_len) & g_ok
        tok = (q_start + t).to(tl.int64)
        q1, q2 = _load_q(q_ptr, tok * q_st + head * q_sh, ok, HEAD_DIM, D1, BLOCK_D2, DOT_F16)
        q_pos = ctx - q_len + t
        first_pos = ctx - q_len + first
        last_pos = ctx - q_len + tl.minimum(first + BLOCK_Q, q_len) - 1
        vis_hi = tl.where(ok, q_pos + 1, 0)[:, None]
        vis_lo = tl.zeros([rows, 1], tl.int32)
        lo = 0
        full_lo = 0
        if HAS_WINDOW:
            vis_lo = (q_pos - window + 1)[:, None]
            lo = tl.maximum(first_pos - window + 1, 0)
            full_lo = tl.cdiv(tl.maximum(last_pos - window + 1, 0), BLOCK_N) * BLOCK_N
        if HAS_CHUNK:  # positions are >= 0 here, so // is a floor
            vis_lo = ((q_pos // window) * window)[:, None]
            lo = (first_pos // window) * window
            full_lo = tl.cdiv((last_pos // window) * window, BLOCK_N) * BLOCK_N
        full_hi = ((first_pos + 1) // BLOCK_N) * BLOCK_N
        scale, v_scale = _kv_scales(
            qk_scale, k_scale_ptr, v_scale_ptr, kv_head, HAS_SCALE, SCALE_PER_HEAD, FP8_DECODE
        )
        m_i = tl.full([rows], float("-inf"), tl.float32)
        l_i = tl.zeros([rows], tl.float32)
        acc = tl.zeros([rows, BLOCK_DV], tl.float32)
        m_i, l_i, acc = _attend_range(
            q1, q2, m_i, l_i, acc, kc_ptr, vc_ptr, bt_ptr + b * bt_sb, kv_head,
            page_size, lo, last_pos + 1, full_lo, full_hi, vis_lo, vis_hi, scale, cap,
            kc_sb, kc_sp, kc_sh, vc_sb, vc_sp, vc_sh,
            HEAD_DIM, V_DIM, D1, BLOCK_D2, BLOCK_DV, BLOCK_N, V_IS_K1, SOFTCAP, F32, FP8_DECODE,
            False,
        )  # fmt: skip
        if HAS_SINKS:
            l_i, acc = _add_sink(m_i, l_i, acc, sinks_ptr, head, ok)
        o = acc * (v_scale / tl.where(l_i > 0.0, l_i, 1.0))[:, None]
        dv = tl.arange(0, BLOCK_DV)
        dst = out_ptr + tok[:, None] * o_st + head[:, None] * o_sh + dv[None, :]
        tl.store(dst, o.to(out_ptr.dtype.element_ty), mask=ok[:, None] & (dv < V_DIM)[None, :])
