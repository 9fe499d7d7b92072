/* arm call-stack unwinder: follows the frame-pointer chains GCC keeps with -fno-omit-frame-pointer, r11 in
   A32 code and r7 in T32 code, reading each function's prologue to find where it saved fp and lr. */
#include "arm.h"
#include "symtab.h"

/* Where a function's prologue put the caller's frame pointer and return address, as offsets from its own
   frame pointer; lr_off < 0 when lr was not saved (a leaf: the return address is still in lr). */
struct frame {
    int32_t fp_off, lr_off;
};

static int code_addr(struct mem *m, uint32_t a)
{
    struct vma *v = a ? mem_vma(m, a & ~1u) : NULL;
    return v && (v->prot & MEM_X);
}

static int rd32(struct mem *m, uint32_t a, uint32_t *v)
{
    const uint8_t *h = mem_ptr(m, a, 4, MEM_R);
    if (!h)
        return -1;
    *v = ld32(h);
    return 0;
}

/* The registers a push saved below the frame pointer's target: the slot of register r in a push of list
   that left sp at base is base + 4 * (number of lower registers in list). */
static int32_t slot(uint32_t list, unsigned r) { return 4 * __builtin_popcount(list & ((1u << r) - 1)); }

/* A32 prologue "push {..., fp, lr}" (or "str fp, [sp, #-4]!"), optional "sub sp, sp, #n", then
   "add fp, sp, #k". Returns 1 with f filled when pc has passed the add, 0 when the frame is not (yet) set up
   or the prologue is not one of these. */
static int a32_prologue(struct mem *m, uint32_t start, uint32_t pc, struct frame *f)
{
    uint32_t list = 0, sub = 0;
    for (uint32_t a = start; a < pc && a < start + 32; a += 4) {
        uint32_t w;
        if (rd32(m, a, &w) < 0)
            return 0;
        if ((w & 0xffff0000u) == 0xe92d0000u) { /* push {list} */
            list = w & 0xffff;
        } else if (w == 0xe52db004u) { /* str fp, [sp, #-4]! */
            list = 1u << 11;
        } else if ((w & 0xfffff000u) == 0xe24dd000u) { /* sub sp, sp, #imm */
            unsigned rot = 2 * ((w >> 8) & 15), v = w & 0xff;
            sub += rot ? (v >> rot) | (v << (32 - rot)) : v;
        } else if ((w & 0xfffff000u) == 0xe28db000u) { /* add fp, sp, #imm: fp = sp_after_push - sub + imm */
            unsigned rot = 2 * ((w >> 8) & 15), v = w & 0xff;
            int32_t k = (int32_t)(rot ? (v >> rot) | (v << (32 - rot)) : v) - (int32_t)sub;
            if (!(list & (1u << 11)) || a + 4 > pc)
                return 0;
            f->fp_off = slot(list, 11) - k;
            f->lr_off = (list & (1u << 14)) ? slot(list, 14) - k : -1;
            return 1;
        } else {
            return 0;
        }
    }
    return 0;
}

/* T32 prologue "push {..., r7, lr}" (16- or 32-bit), optional "sub sp, #n" / "sub.w sp, sp, #n" /
   "subw sp, sp, #n", then "add r7, sp, #k" or "mov r7, sp". Same results as a32_prologue. */
static int t32_prologue(struct mem *m, uint32_t start, uint32_t pc, struct frame *f)
{
    uint32_t list = 0, sub = 0;
    for (uint32_t a = start; a < pc && a < start + 24;) {
        const uint8_t *h = mem_ptr(m, a, 4, MEM_R);
        if (!h)
            return 0;
        uint32_t h1 = ld16(h), h2 = ld16(h + 2), imm12 = ((h1 >> 10) & 1) << 11 | ((h2 >> 12) & 7) << 8 | (h2 & 0xff);
        int32_t k = -1;
        if ((h1 & 0xfe00) == 0xb400) { /* push {r0-r7[, lr]} */
            list = (h1 & 0xff) | ((h1 & 0x100) << 6);
            a += 2;
        } else if (h1 == 0xe92d) { /* push.w {list} */
            list = h2 & 0x5fff;
            a += 4;
        } else if ((h1 & 0xff80) == 0xb080) { /* sub sp, #imm7 * 4 */
            sub += (h1 & 0x7f) * 4;
            a += 2;
        } else if ((h1 & 0xfbff) == 0xf2ad && (h2 & 0x8f00) == 0x0d00) { /* subw sp, sp, #imm12 */
            sub += imm12;
            a += 4;
        } else if ((h1 & 0xfbff) == 0xf1ad && (h2 & 0x8f00) == 0x0d00 && !(imm12 & 0xc00)) { /* sub.w sp, sp, #imm */
            uint32_t b = imm12 & 0xff; /* ThumbExpandImm, the byte-pattern forms */
            sub += (imm12 >> 8) == 0 ? b : (imm12 >> 8) == 1 ? b * 0x00010001u : (imm12 >> 8) == 2 ? b * 0x01000100u
                                                                                             : b * 0x01010101u;
            a += 4;
        } else if ((h1 & 0xfbff) == 0xf1ad && (h2 & 0x8f00) == 0x0d00) { /* sub.w sp, sp, #rotated */
            uint32_t v = 0x80 | (imm12 & 0x7f), rot = imm12 >> 7;
            sub += (v >> rot) | (v << (32 - rot));
            a += 4;
        } else if ((h1 & 0xff00) == 0xaf00) { /* add r7, sp, #imm8 * 4 */
            k = (int32_t)(h1 & 0xff) * 4;
            a += 2;
        } else if (h1 == 0x466f) { /* mov r7, sp */
            k = 0;
            a += 2;
        } else {
            return 0;
        }
        if (k >= 0) {
            if (!(list & (1u << 7)) || a > pc)
                return 0;
            k -= (int32_t)sub;
            f->fp_off = slot(list, 7) - k;
            f->lr_off = (list & (1u << 14)) ? slot(list, 14) - k : -1;
            return 1;
        }
    }
    return 0;
}

/* pc, then one return address per frame: a frame whose function has a recognized prologue gives the caller's
   fp and pc from its save slots; the innermost frame without one (not set up yet, or no symbol) returns to
   lr; without a symbol further out, an A32 frame is taken as fp pointing at the saved lr above the caller's
   fp (GCC's usual layout). The walk stops at the first frame it cannot explain. */
int arm_unwind(struct emu_cpu *c, uint64_t *pcs, int max)
{
    struct mem *m = c->proc->mem;
    uint32_t pc = (uint32_t)c->pc, fp[2] = {AR(c, 11), AR(c, 7)}; /* [0] A32's r11, [1] T32's r7 */
    int n = 0;
    if (max > 0)
        pcs[n++] = pc & ~1u;
    for (int depth = 0; n < max && depth < 256; depth++) {
        int t = pc & 1;
        uint32_t at = pc & ~1u, ret = 0, nfp = fp[t];
        uint64_t off;
        struct frame f;
        int known = symtab_lookup(c->proc->syms, at, &off) != NULL;
        int set_up = known && (t ? t32_prologue(m, at - (uint32_t)off, at, &f) : a32_prologue(m, at - (uint32_t)off, at, &f));
        if (set_up) {
            if (rd32(m, fp[t] + (uint32_t)f.fp_off, &nfp) < 0)
                break;
            if (f.lr_off >= 0) {
                if (rd32(m, fp[t] + (uint32_t)f.lr_off, &ret) < 0)
                    break;
            } else if (depth == 0) {
                ret = AR(c, 14); /* a leaf keeps its return address in lr */
            } else {
                break;
            }
        } else if (depth == 0) {
            ret = AR(c, 14);
        } else if (!known && !t && rd32(m, fp[0], &ret) == 0 && rd32(m, fp[0] - 4, &nfp) == 0 && nfp > fp[0]) {
            /* no symbol: GCC's A32 frame record */
        } else {
            break;
        }
        if (!code_addr(m, ret) || ((ret & ~1u) == at && nfp == fp[t]))
            break; /* not code, or no progress */
        fp[t] = nfp;
        pc = ret;
        pcs[n++] = ret & ~1u;
    }
    return n;
}
