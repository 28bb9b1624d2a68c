/*
 * neon_intrinsics: arm_neon.h integer and float intrinsics, every result
 * printed as raw lanes in hex: vaddq/vsubq/vmulq/vmlaq/vmlsq (s8..s32, f32,
 * f64), saturating vqaddq/vqsubq/vqdmulhq with FPSR.QC (cleared before,
 * printed after), vzip/vuzp/vtrn, vext, vtbl1/vtbl2/vtbx1/vqtbl1q, vshrn,
 * vqshrn/vqshrun/vqrshrn, vshl/vrshl/vqshl, vdup/vget_lane/vset_lane,
 * vld1/vst1/vld2/vld3/vld4 (and vst2/3/4, vld1 lane/dup), vpadd/vpaddl,
 * vmaxv/vminv/vaddv/vaddlv across lanes, vcvt (int<->float, fixed point,
 * float->int saturation), vrecpe/vrsqrte/vrecps/vrsqrts, widening
 * vmull/vaddl/vmovl/vmovn/vqmovn, vabd/vaba, vcnt/vclz/vrev, vbsl/vceq/vcgt.
 */
#include "fp.h"
#include <arm_neon.h>

static u64 qc(void) { u64 f = get_fpsr(); set_fpsr(0); return (f >> 27) & 1; }

static void pq(const char *name, uint8x16_t v)
{
    u8 b[16];
    vst1q_u8(b, v);
    printf("  %-22s", name);
    for (int i = 15; i >= 0; i--) printf("%02x%s", b[i], (i & 3) == 0 && i ? "_" : "");
    printf("\n");
}
static void pd(const char *name, uint8x8_t v) { pq(name, vcombine_u8(v, vdup_n_u8(0))); }
#define PQ(name, v) pq(name, vreinterpretq_u8_u64(vreinterpretq_u64_u8((uint8x16_t)(v))))
#define PD(name, v) pd(name, (uint8x8_t)(v))
/* launder a value through an empty volatile asm: no constant folding, and
 * any computation using the result happens after the preceding volatile asm */
#define HIDE(v) ({ __typeof__(v) _h = (v); __asm__ volatile("" : "+w"(_h)); _h; })
/* saturating op: FPSR cleared, inputs laundered after the clear, result
 * forced before FPSR.QC is read */
#define PQC(name, expr) do { set_fpsr(0); LAUNDER(); __typeof__(expr) _v = (expr); __asm__ volatile("" : "+w"(_v)); \
        u64 _q = qc(); pq(name, (uint8x16_t)_v); printf("    QC=%lu\n", _q); } while (0)
#define LAUNDER() do { a8 = HIDE(a8); b8 = HIDE(b8); a16 = HIDE(a16); b16 = HIDE(b16); a32 = HIDE(a32); \
        b32 = HIDE(b32); u8a = HIDE(u8a); u8b = HIDE(u8b); big8 = HIDE(big8); neg8 = HIDE(neg8); m16 = HIDE(m16); \
        m8 = HIDE(m8); s64a = HIDE(s64a); s64b = HIDE(s64b); } while (0)

static u8 buf[256] __attribute__((aligned(16)));
static u8 out[256] __attribute__((aligned(16)));

int main(void)
{
    printf("neon_intrinsics: arm_neon.h integer/float intrinsics (lanes printed high..low)\n");
    for (int i = 0; i < 256; i++) buf[i] = (u8)(i * 37 + 11);
    set_fpsr(0);

    int8x16_t a8 = vld1q_s8((const int8_t *)buf), b8 = vld1q_s8((const int8_t *)buf + 16);
    int16x8_t a16 = vld1q_s16((const int16_t *)buf + 16), b16 = vld1q_s16((const int16_t *)buf + 24);
    int32x4_t a32 = vld1q_s32((const int32_t *)buf + 16), b32 = vld1q_s32((const int32_t *)buf + 20);
    uint8x16_t u8a = vld1q_u8(buf + 32), u8b = vld1q_u8(buf + 48);
    printf("== arithmetic ==\n");
    PQ("vaddq_s8", vaddq_s8(a8, b8)); PQ("vsubq_s16", vsubq_s16(a16, b16)); PQ("vmulq_s32", vmulq_s32(a32, b32));
    PQ("vmlaq_s16", vmlaq_s16(a16, b16, a16)); PQ("vmlsq_s32", vmlsq_s32(a32, a32, b32));
    PQ("vmulq_lane_s16", vmulq_lane_s16(a16, vget_low_s16(b16), 3));
    PQ("vabdq_u8", vabdq_u8(u8a, u8b)); PQ("vabaq_u8", vabaq_u8(u8a, u8b, u8a));
    PQ("vhaddq_u8", vhaddq_u8(u8a, u8b)); PQ("vrhaddq_s8", vrhaddq_s8(a8, b8));
    PQ("vmaxq_s16", vmaxq_s16(a16, b16)); PQ("vminq_u8", vminq_u8(u8a, u8b));
    PQ("vnegq_s8", vnegq_s8(a8)); PQ("vabsq_s16", vabsq_s16(a16));
    PQ("vcntq_u8", vcntq_u8(u8a)); PQ("vclzq_s16", vclzq_s16(a16)); PQ("vclsq_s32", vclsq_s32(a32));
    PQ("vrev64q_u8", vrev64q_u8(u8a)); PQ("vrev32q_u16", vrev32q_u16(vreinterpretq_u16_u8(u8a)));
    PQ("vceqq_u8", vceqq_u8(u8a, vandq_u8(u8a, u8b))); PQ("vcgtq_s16", vcgtq_s16(a16, b16));
    PQ("vbslq_u8", vbslq_u8(vcgtq_u8(u8a, u8b), u8a, u8b)); PQ("vbicq/vornq", veorq_u8(vbicq_u8(u8a, u8b), vornq_u8(u8a, u8b)));
    printf("== widening / narrowing ==\n");
    PQ("vmull_s16", vmull_s16(vget_low_s16(a16), vget_high_s16(b16)));
    PQ("vmull_high_u8", vmull_high_u8(u8a, u8b)); PQ("vaddl_u8", vaddl_u8(vget_low_u8(u8a), vget_high_u8(u8b)));
    PQ("vaddw_s16", vaddw_s16(a32, vget_low_s16(b16))); PQ("vmovl_s8", vmovl_s8(vget_high_s8(a8)));
    PD("vmovn_s32", vmovn_s32(a32)); PD("vaddhn_s32", vaddhn_s32(a32, b32)); PD("vraddhn_s32", vraddhn_s32(a32, b32));
    PQ("vpaddlq_u8", vpaddlq_u8(u8a)); PQ("vpadalq_s16", vpadalq_s16(a32, a16));
    PQ("vmlal_s16", vmlal_s16(a32, vget_low_s16(a16), vget_low_s16(b16)));
    printf("== saturating (QC after each) ==\n");
    int8x16_t big8 = vdupq_n_s8(100), neg8 = vdupq_n_s8(-100), m8 = vdupq_n_s8(-128);
    int16x8_t m16 = vdupq_n_s16(-32768);
    int64x2_t s64a = vdupq_n_s64(0x7fffffffffffff00L), s64b = vdupq_n_s64(0x1000);
    PQC("vqaddq_s8 sat", vqaddq_s8(big8, big8)); PQC("vqaddq_s8 nosat", vqaddq_s8(big8, neg8));
    PQC("vqsubq_s8 sat", vqsubq_s8(neg8, big8)); PQC("vqaddq_u8", vqaddq_u8(u8a, u8b)); PQC("vqsubq_u16", vqsubq_u16(vreinterpretq_u16_u8(u8a), vreinterpretq_u16_u8(u8b)));
    PQC("vqdmulhq_s16", vqdmulhq_s16(m16, m16));
    PQC("vqrdmulhq_s32", vqrdmulhq_s32(a32, b32)); PQC("vqabsq_s8", vqabsq_s8(m8));
    PQC("vqnegq_s16", vqnegq_s16(a16)); PQC("vqdmull_s16", vqdmull_s16(vget_low_s16(a16), vget_low_s16(b16)));
    PQC("vqmovn_s32", vcombine_s16(vqmovn_s32(a32), vqmovn_s32(b32)));
    PQC("vqmovun_s16", vcombine_u8(vqmovun_s16(a16), vqmovun_s16(b16)));
    PQC("vqshlq_n_s8 #3", vqshlq_n_s8(a8, 3)); PQC("vqshluq_n_s16 #2", vqshluq_n_s16(a16, 2));
    PQC("vqshlq_s16 var", vqshlq_s16(a16, HIDE(vdupq_n_s16(5)))); PQC("vqrshlq_s32", vqrshlq_s32(a32, HIDE(vdupq_n_s32(-3))));
    PQC("vqshrn_n_s32 #4", vcombine_s16(vqshrn_n_s32(a32, 4), vqshrn_n_s32(b32, 16)));
    PQC("vqshrun_n_s16 #2", vcombine_u8(vqshrun_n_s16(a16, 2), vqshrun_n_s16(b16, 7)));
    PQC("vqrshrn_n_u16 #3", vcombine_u8(vqrshrn_n_u16(vreinterpretq_u16_u8(u8a), 3), vqrshrn_n_u16(vreinterpretq_u16_u8(u8b), 8)));
    PQC("vqaddq_s64", vqaddq_s64(s64a, s64b));
    printf("== shifts ==\n");
    PD("vshrn_n_s32 #5", vshrn_n_s32(a32, 5)); PD("vrshrn_n_u16 #4", vrshrn_n_u16(vreinterpretq_u16_u8(u8a), 4));
    PQ("vshrq_n_s16 #3", vshrq_n_s16(a16, 3)); PQ("vshrq_n_u32 #31", vshrq_n_u32(vreinterpretq_u32_s32(a32), 31));
    PQ("vrshrq_n_s8 #2", vrshrq_n_s8(a8, 2)); PQ("vsraq_n_u8 #1", vsraq_n_u8(u8a, u8b, 1));
    PQ("vshlq_n_s32 #7", vshlq_n_s32(a32, 7)); PQ("vshlq_s8 var", vshlq_s8(a8, vld1q_s8((const int8_t *)"\x01\xff\x07\xf9\x08\xf8\x00\x80\x7f\x02\xfe\x03\x10\xf0\x05\xfb")));
    PQ("vrshlq_s16", vrshlq_s16(a16, vdupq_n_s16(-4))); PQ("vsliq_n_u8 #3", vsliq_n_u8(u8a, u8b, 3)); PQ("vsriq_n_u16 #5", vsriq_n_u16(vreinterpretq_u16_u8(u8a), vreinterpretq_u16_u8(u8b), 5));
    PQ("vshll_n_s8 #4", vshll_n_s8(vget_low_s8(a8), 4)); PQ("vshll_n_u8 #8", vshll_n_u8(vget_low_u8(u8a), 8));
    printf("== permutes ==\n");
    PQ("vzip1q_u8", vzip1q_u8(u8a, u8b)); PQ("vzip2q_u8", vzip2q_u8(u8a, u8b));
    PQ("vuzp1q_u16", vuzp1q_u16(vreinterpretq_u16_u8(u8a), vreinterpretq_u16_u8(u8b)));
    PQ("vuzp2q_u32", vuzp2q_u32(vreinterpretq_u32_u8(u8a), vreinterpretq_u32_u8(u8b)));
    PQ("vtrn1q_u8", vtrn1q_u8(u8a, u8b)); PQ("vtrn2q_u16", vtrn2q_u16(vreinterpretq_u16_u8(u8a), vreinterpretq_u16_u8(u8b)));
    uint8x8x2_t z = vzip_u8(vget_low_u8(u8a), vget_low_u8(u8b)); PD("vzip_u8.0", z.val[0]); PD("vzip_u8.1", z.val[1]);
    int16x4x2_t t = vtrn_s16(vget_low_s16(a16), vget_low_s16(b16)); PD("vtrn_s16.0", t.val[0]); PD("vtrn_s16.1", t.val[1]);
    uint32x2x2_t uz = vuzp_u32(vget_low_u32(vreinterpretq_u32_u8(u8a)), vget_high_u32(vreinterpretq_u32_u8(u8b))); PD("vuzp_u32.0", uz.val[0]);
    PQ("vextq_u8 #3", vextq_u8(u8a, u8b, 3)); PQ("vextq_u8 #15", vextq_u8(u8a, u8b, 15)); PD("vext_u16 #1", vext_u16(vget_low_u16(vreinterpretq_u16_u8(u8a)), vget_high_u16(vreinterpretq_u16_u8(u8b)), 1));
    uint8x8_t idx = vcreate_u8(0x1f07100f08000301UL);
    PD("vtbl1_u8", vtbl1_u8(vget_low_u8(u8a), idx));
    uint8x8x2_t tb2 = { { vget_low_u8(u8a), vget_high_u8(u8a) } };
    PD("vtbl2_u8", vtbl2_u8(tb2, idx)); PD("vtbx1_u8", vtbx1_u8(vget_low_u8(u8b), vget_low_u8(u8a), idx));
    PQ("vqtbl1q_u8", vqtbl1q_u8(u8a, veorq_u8(u8b, vdupq_n_u8(0x0f)))); PQ("vqtbx1q_u8", vqtbx1q_u8(u8b, u8a, vandq_u8(u8b, vdupq_n_u8(0x1f))));
    uint8x16x2_t q2 = { { u8a, u8b } }; PQ("vqtbl2q_u8", vqtbl2q_u8(q2, vandq_u8(u8b, vdupq_n_u8(0x3f))));
    printf("== dup / lanes ==\n");
    PQ("vdupq_n_u16", vdupq_n_u16(0xbeef)); PQ("vdupq_laneq_u8 #13", vdupq_laneq_u8(u8a, 13)); PQ("vdupq_lane_s32 #1", vdupq_lane_s32(vget_high_s32(a32), 1));
    printf("  vget_lane: u8[5]=%02x s16[7]=%d u32[3]=%08x s64[1]=%016lx\n", vgetq_lane_u8(u8a, 5), vgetq_lane_s16(a16, 7),
           vgetq_lane_u32(vreinterpretq_u32_u8(u8a), 3), (u64)vgetq_lane_s64(vreinterpretq_s64_s8(a8), 1));
    printf("  smov s8[15] -> %ld\n", (i64)vgetq_lane_s8(a8, 15));
    PQ("vsetq_lane_u32", vsetq_lane_u32(0xcafef00d, vreinterpretq_u32_u8(u8a), 2)); PQ("vcopyq_laneq_u8", vcopyq_laneq_u8(u8a, 0, u8b, 15));
    PQ("vmovq_n_u64", vmovq_n_u64(0x0123456789abcdefUL)); PQ("vmvnq_u8", vmvnq_u8(u8a));
    printf("== structure loads/stores ==\n");
    uint8x16x2_t l2 = vld2q_u8(buf); PQ("vld2q_u8.0", l2.val[0]); PQ("vld2q_u8.1", l2.val[1]);
    uint16x8x3_t l3 = vld3q_u16((const uint16_t *)buf); PQ("vld3q_u16.0", l3.val[0]); PQ("vld3q_u16.1", l3.val[1]); PQ("vld3q_u16.2", l3.val[2]);
    uint32x4x4_t l4 = vld4q_u32((const uint32_t *)buf); PQ("vld4q_u32.0", l4.val[0]); PQ("vld4q_u32.3", l4.val[3]);
    uint8x8x3_t l3d = vld3_u8(buf + 100); PD("vld3_u8.2", l3d.val[2]);
    uint16x4x4_t l4d = vld4_u16((const uint16_t *)(buf + 64)); PD("vld4_u16.1", l4d.val[1]);
    uint64x2x2_t l2x = vld2q_u64((const uint64_t *)buf); PQ("vld2q_u64.1", l2x.val[1]);
    PQ("vld1q_dup_u16", vld1q_dup_u16((const uint16_t *)(buf + 6))); PQ("vld1q_lane_u32", vld1q_lane_u32((const uint32_t *)(buf + 12), vreinterpretq_u32_u8(u8b), 1));
    uint8x16x4_t l14 = vld1q_u8_x4(buf + 64); PQ("vld1q_u8_x4.3", l14.val[3]);
    memset(out, 0, sizeof out);
    vst2q_u8(out, l2); vst3q_u16((uint16_t *)(out + 32), l3); vst4q_u32((uint32_t *)(out + 80), l4);
    vst1q_lane_u16((uint16_t *)(out + 146), vreinterpretq_u16_u8(u8a), 5); vst1_u8(out + 150, vget_high_u8(u8b));
    int same = memcmp(out, buf, 32) == 0 && memcmp(out + 32, buf, 48) == 0 && memcmp(out + 80, buf, 64) == 0;
    printf("  vst2/vst3/vst4 round trip %s\n", same ? "ok" : "MISMATCH");
    pq("out[144..159]", vld1q_u8(out + 144));
    printf("== pairwise / across lanes ==\n");
    PQ("vpaddq_s16", vpaddq_s16(a16, b16)); PD("vpadd_u8", vpadd_u8(vget_low_u8(u8a), vget_high_u8(u8a)));
    PQ("vpmaxq_u8", vpmaxq_u8(u8a, u8b)); PD("vpmin_s16", vpmin_s16(vget_low_s16(a16), vget_high_s16(a16)));
    printf("  vaddvq_u8=%u vaddvq_s16=%d vaddvq_s32=%d vaddlvq_u8=%u vaddlvq_s16=%d\n", vaddvq_u8(u8a), vaddvq_s16(a16),
           vaddvq_s32(a32), vaddlvq_u8(u8a), vaddlvq_s16(a16));
    printf("  vmaxvq_u8=%u vmaxvq_s16=%d vminvq_s8=%d vminvq_u32=%u vmaxv_s8=%d vaddvq_u64=%lx\n", vmaxvq_u8(u8a), vmaxvq_s16(a16),
           vminvq_s8(a8), vminvq_u32(vreinterpretq_u32_u8(u8b)), vmaxv_s8(vget_low_s8(a8)), (u64)vaddvq_u64(vreinterpretq_u64_u8(u8a)));

    printf("== float ==\n");
    static const u32 fv[8] = { 0x3f800000, 0xc0490fdb, 0x7f7fffff, 0x00400000, 0x7fc00001, 0xff800000, 0x80000000, 0x4b000001 };
    static const u32 gv[8] = { 0x3f000000, 0x40400000, 0x7f7fffff, 0x80400000, 0x3f800000, 0x7f800000, 0x00000000, 0x3effffff };
    for (int h = 0; h < 2; h++) {
        float32x4_t x = vreinterpretq_f32_u32(vld1q_u32(fv + 4 * h)), y = vreinterpretq_f32_u32(vld1q_u32(gv + 4 * h));
        set_fpsr(0);
        x = HIDE(x); y = HIDE(y);
        PQ("vaddq_f32", vaddq_f32(x, y)); PQ("vsubq_f32", vsubq_f32(x, y)); PQ("vmulq_f32", vmulq_f32(x, y));
        PQ("vdivq_f32", vdivq_f32(x, y)); PQ("vmlaq_f32", vmlaq_f32(x, x, y)); PQ("vfmaq_f32", vfmaq_f32(x, x, y));
        PQ("vfmsq_f32", vfmsq_f32(y, x, y)); PQ("vabdq_f32", vabdq_f32(x, y)); PQ("vmaxq_f32", vmaxq_f32(x, y));
        PQ("vminnmq_f32", vminnmq_f32(x, y)); PQ("vpaddq_f32", vpaddq_f32(x, y)); PQ("vsqrtq_f32", vsqrtq_f32(x));
        PQ("vrecpeq_f32", vrecpeq_f32(x)); PQ("vrsqrteq_f32", vrsqrteq_f32(y)); PQ("vrecpsq_f32", vrecpsq_f32(x, y));
        PQ("vrsqrtsq_f32", vrsqrtsq_f32(x, y)); PQ("vcgeq_f32", vcgeq_f32(x, y)); PQ("vcaltq_f32", vcaltq_f32(x, y));
        PQ("vrndnq_f32", vrndnq_f32(vmulq_n_f32(x, 1.5f))); PQ("vrndaq_f32", vrndaq_f32(y)); PQ("vrndmq_f32", vrndmq_f32(vnegq_f32(y)));
        PQ("vcvtq_s32_f32", vcvtq_s32_f32(x)); PQ("vcvtq_u32_f32", vcvtq_u32_f32(x)); PQ("vcvtnq_s32_f32", vcvtnq_s32_f32(y));
        PQ("vcvtq_n_s32_f32 #8", vcvtq_n_s32_f32(y, 8)); PQ("vcvtq_f32_s32", vcvtq_f32_s32(vreinterpretq_s32_f32(x)));
        PQ("vcvtq_n_f32_u32 #16", vcvtq_n_f32_u32(vreinterpretq_u32_f32(y), 16));
        PQ("vcvt_f64_f32", vcvt_f64_f32(vget_low_f32(x))); PD("vcvt_f32_f64", vcvt_f32_f64(vcvt_f64_f32(vget_high_f32(y))));
        printf("  vmaxvq_f32=%08x vminnmvq_f32=%08x vaddvq_f32=%08x  FPSR %s\n", fbits(vmaxvq_f32(x)), fbits(vminnmvq_f32(x)),
               fbits(vaddvq_f32(y)), fpsr_str(get_fpsr()));
    }
    float64x2_t dx = vreinterpretq_f64_u64(vcombine_u64(vcreate_u64(0x400921fb54442d18UL), vcreate_u64(0xfff0000000000000UL)));
    float64x2_t dy = vreinterpretq_f64_u64(vcombine_u64(vcreate_u64(0x3ff0000000000001UL), vcreate_u64(0x7ff4000000000001UL)));
    set_fpsr(0);
    dx = HIDE(dx); dy = HIDE(dy);
    PQ("vaddq_f64", vaddq_f64(dx, dy)); PQ("vmulq_f64", vmulq_f64(dx, dy)); PQ("vfmaq_f64", vfmaq_f64(dy, dx, dy));
    PQ("vdivq_f64", vdivq_f64(dy, dx)); PQ("vmaxnmq_f64", vmaxnmq_f64(dx, dy)); PQ("vcvtq_s64_f64", vcvtq_s64_f64(dx));
    PQ("vcvtq_f64_u64", vcvtq_f64_u64(vreinterpretq_u64_f64(dy))); PQ("vrndxq_f64", vrndxq_f64(dx)); PQ("vsqrtq_f64", vsqrtq_f64(dx));
    printf("  FPSR after f64 group %s\n", fpsr_str(get_fpsr()));
    printf("neon_intrinsics done\n");
    return 0;
}
