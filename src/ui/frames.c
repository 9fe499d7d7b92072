/* Stack frames without debug info: prologue analysis from the disassembly, with a frame-pointer chain fallback. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "ui_int.h"

/* What the instructions of a prologue that already ran did. */
struct prologue {
    int64_t frame;       /* bytes the stack pointer went down */
    int64_t ra_off;      /* return address saved at sp+ra_off after the adjustment, -1 if not */
    int64_t fp_off;      /* caller's frame pointer saved at sp+fp_off, -1 if not */
    int64_t fp_k;        /* frame pointer set to sp+fp_k, -1 if not */
};

/* One ISA's conventions as the front end sees them through disassembly text. */
struct ui_arch {
    const char *isa;                 /* emu_isa name */
    const char *const *calls;        /* mnemonics that call (link to the return register) */
    const char *const *rets;         /* mnemonics of a plain return */
    int link_in_operands;            /* a comma in the operands names another link register (riscv jal/jalr) */
    uint64_t code_align;             /* return-address bits that are not address (arm: bit 0 marks Thumb) */
    int64_t chain_ra, chain_fp, chain_cfa; /* frame-pointer chain: ra at fp+chain_ra, caller fp at fp+chain_fp,
                                              the frame's base at fp+chain_cfa */
    /* Applies one prologue instruction to pr; returns 0 when the text ends the prologue. */
    int (*prologue)(const char *insn, struct prologue *pr);
};

static int rv_prologue(const char *s, struct prologue *pr)
{
    long v;
    char r[8];
    if (sscanf(s, "addi sp, sp, %ld", &v) == 1) {
        if (v > 0)
            return 0; /* an epilogue */
        pr->frame += -v;
        return 1;
    }
    if (sscanf(s, "sd %7[a-z0-9], %ld(sp)", r, &v) == 2) {
        if (!strcmp(r, "ra"))
            pr->ra_off = v;
        else if (!strcmp(r, "s0") || !strcmp(r, "fp"))
            pr->fp_off = v;
        return 1;
    }
    if (sscanf(s, "addi s0, sp, %ld", &v) == 1 || sscanf(s, "addi fp, sp, %ld", &v) == 1) {
        pr->fp_k = v;
        return 1;
    }
    if (!strncmp(s, "j", 1) || !strncmp(s, "b", 1) || !strncmp(s, "ret", 3) || !strncmp(s, "call", 4) ||
        !strncmp(s, "tail", 4) || !strncmp(s, "ecall", 5))
        return 0;
    return 1; /* other set-up work (argument spills, loads): keep scanning */
}

static int a64_prologue(const char *s, struct prologue *pr)
{
    long v, w;
    if (sscanf(s, "stp x29, x30, [sp, #%li]!", &v) == 1) {
        pr->frame += -v;
        pr->fp_off = 0;
        pr->ra_off = 8;
        return 1;
    }
    if (sscanf(s, "sub sp, sp, #%li", &v) == 1) {
        pr->frame += v;
        return 1;
    }
    if (sscanf(s, "stp x29, x30, [sp, #%li]", &v) == 1) {
        pr->fp_off = v;
        pr->ra_off = v + 8;
        return 1;
    }
    if (!strcmp(s, "mov x29, sp")) {
        pr->fp_k = 0;
        return 1;
    }
    if (sscanf(s, "add x29, sp, #%li", &w) == 1) {
        pr->fp_k = w;
        return 1;
    }
    if (!strncmp(s, "b", 1) || !strncmp(s, "ret", 3) || !strncmp(s, "svc", 3))
        return 0;
    return 1;
}

/* The frame grew by d bytes below what was recorded: offsets from the stack pointer move up. */
static void grow(struct prologue *pr, int64_t d)
{
    pr->frame += d;
    if (pr->ra_off >= 0)
        pr->ra_off += d;
    if (pr->fp_off >= 0)
        pr->fp_off += d;
    if (pr->fp_k >= 0)
        pr->fp_k += d;
}

/* arm (capstone's text, ARM and Thumb): push {..., fp, lr}, sub sp, add fp, sp, vpush. The frame pointer is
   ARM code's r11; Thumb code's r7 frames are measured from sp (stable after the prologue without alloca). */
static int arm_prologue(const char *s, struct prologue *pr)
{
    long v;
    char list[96];
    if (sscanf(s, "push {%95[^}]}", list) == 1 || sscanf(s, "stmdb sp!, {%95[^}]}", list) == 1) {
        int n = 0, ra = -1, fp = -1;
        for (char *t = strtok(list, ", "); t; t = strtok(NULL, ", "), n++) {
            if (!strcmp(t, "lr"))
                ra = n;
            else if (!strcmp(t, "fp") || !strcmp(t, "r11"))
                fp = n;
        }
        grow(pr, 4 * n);
        if (ra >= 0)
            pr->ra_off = 4 * ra;
        if (fp >= 0)
            pr->fp_off = 4 * fp;
        return 1;
    }
    char r[8];
    if (sscanf(s, "str %7[a-z0-9], [sp, #-%li]!", r, &v) == 2) {
        grow(pr, v);
        if (!strcmp(r, "lr"))
            pr->ra_off = 0;
        else if (!strcmp(r, "fp") || !strcmp(r, "r11"))
            pr->fp_off = 0;
        return 1;
    }
    if (sscanf(s, "vpush {%95[^}]}", list) == 1) {
        int n = 1;
        for (char *t = list; *t; t++)
            n += *t == ',';
        grow(pr, 8 * n);
        return 1;
    }
    if (sscanf(s, "sub sp, sp, #%li", &v) == 1 || sscanf(s, "sub sp, #%li", &v) == 1 ||
        sscanf(s, "sub.w sp, sp, #%li", &v) == 1) {
        grow(pr, v);
        return 1;
    }
    if (sscanf(s, "add fp, sp, #%li", &v) == 1) {
        pr->fp_k = v;
        return 1;
    }
    if (!strcmp(s, "mov fp, sp")) {
        pr->fp_k = 0;
        return 1;
    }
    if (s[0] == 'b' || !strncmp(s, "pop", 3) || !strncmp(s, "svc", 3) || strstr(s, "pc"))
        return 0;
    return 1;
}

static const char *const rv_calls[] = {"jal", "jalr", "call", NULL};
static const char *const rv_rets[] = {"ret", NULL};
static const char *const a64_calls[] = {"bl", "blr", NULL};
static const char *const a64_rets[] = {"ret", NULL};

static const char *const arm_calls[] = {"bl", "blx", NULL};
static const char *const arm_rets[] = {"bx", NULL};

static const struct ui_arch arches[] = {
    {"riscv64", rv_calls, rv_rets, 1, 0, -8, -16, 0, rv_prologue},
    {"aarch64", a64_calls, a64_rets, 0, 0, 8, 0, 16, a64_prologue},
    /* the chain is APCS's ARM-mode one (fp at the saved lr, the caller's fp below it) */
    {"arm", arm_calls, arm_rets, 0, 1, 0, -4, 4, arm_prologue},
};

static const struct ui_arch *arch_of(struct ui *u)
{
    for (size_t i = 0; i < sizeof arches / sizeof arches[0]; i++)
        if (!strcmp(arches[i].isa, u->isa->name))
            return &arches[i];
    return &arches[0];
}

/* Splits "mnem ops" into the mnemonic (in m) and a pointer to the operands. */
static const char *mnemonic(const char *insn, char *m, size_t n)
{
    size_t k = 0;
    while (*insn && *insn != ' ' && *insn != '\t' && k + 1 < n)
        m[k++] = *insn++;
    m[k] = 0;
    while (*insn == ' ' || *insn == '\t')
        insn++;
    return insn;
}

static int in_list(const char *const *l, const char *m)
{
    for (; *l; l++)
        if (!strcmp(*l, m))
            return 1;
    return 0;
}

int ui_is_call(struct ui *u, const char *insn)
{
    const struct ui_arch *a = arch_of(u);
    char m[32];
    const char *note = strstr(insn, " ; ");
    if (!strncmp(insn, ".inst", 5) && note) /* a backend without a full disassembler names the mnemonic */
        insn = note + 3;
    const char *ops = mnemonic(insn, m, sizeof m);
    if (!in_list(a->calls, m))
        return 0;
    return !(a->link_in_operands && strcmp(m, "call") && strchr(ops, ','));
}

/* Runs the prologue of the function at fn up to (not including) pc. */
static void analyze(struct ui *u, const struct ui_arch *a, uint64_t fn, uint64_t pc, struct prologue *pr)
{
    *pr = (struct prologue){0, -1, -1, -1};
    char text[128];
    for (uint64_t at = fn; at < pc && at - fn < 256;) {
        int len = u->isa->disasm(u->p, at, text, sizeof text);
        if (len <= 0 || !a->prologue(text, pr))
            break;
        at += (uint64_t)len;
    }
}

static int rd64(struct ui *u, uint64_t a, uint64_t *v)
{
    unsigned w = u->addr_digits / 2;
    *v = 0;
    return ui_read(u, a, v, w);
}

int ui_unwind(struct ui *u, struct ui_frame *f, int max)
{
    const struct ui_arch *a = arch_of(u);
    uint64_t rv;
    int tid = ui_cur_tid(u);
#define REG(n) ((n) >= 0 && dbg_read_reg(u->d, tid, (n), &rv) >= 0 ? rv : 0)
    uint64_t pc = REG(u->r_pc), sp = REG(u->r_sp), fp = REG(u->r_fp), ra = REG(u->r_ra);
#undef REG
    int n = 0;
    while (n < max) {
        struct ui_frame *fr = &f[n];
        *fr = (struct ui_frame){pc, sp, fp, sp, 0, 0};
        uint64_t off = 0;
        const char *name = symtab_lookup(u->p->syms, pc, &off);
        char text[128];
        struct prologue pr;
        int is_ret = 0;
        if (n == 0 && u->isa->disasm(u->p, pc, text, sizeof text) > 0) {
            char m[32];
            mnemonic(text, m, sizeof m);
            is_ret = in_list(a->rets, m);
        }
        /* a prologue that says nothing (no disassembler text to read) in an outer frame: use the chain */
        int known = 0;
        if (!is_ret && name) {
            analyze(u, a, pc - off, pc, &pr);
            known = n == 0 || pr.frame || pr.fp_k >= 0 || pr.ra_off >= 0;
        }
        if (is_ret) {
            fr->cfa = sp;
        } else if (known) {
            fr->cfa = pr.fp_k >= 0 ? fp - (uint64_t)pr.fp_k + (uint64_t)pr.frame : sp + (uint64_t)pr.frame;
            uint64_t base = fr->cfa - (uint64_t)pr.frame;
            fr->ra_at = pr.ra_off >= 0 ? base + (uint64_t)pr.ra_off : 0;
            fr->fp_at = pr.fp_off >= 0 ? base + (uint64_t)pr.fp_off : 0;
        } else if (fp && fp >= sp) {
            fr->cfa = fp + (uint64_t)a->chain_cfa;
            fr->ra_at = fp + (uint64_t)a->chain_ra;
            fr->fp_at = fp + (uint64_t)a->chain_fp;
        } else {
            n++;
            break;
        }
        n++;
        uint64_t nra = 0, nfp = fp;
        if (fr->ra_at) {
            if (rd64(u, fr->ra_at, &nra) < 0)
                break;
        } else if (n == 1) {
            nra = ra;
        } else {
            break;
        }
        if (fr->fp_at && rd64(u, fr->fp_at, &nfp) < 0)
            break;
        /* a board's memory map is unknown here (limit 0): any return address may be code */
        if (!nra || fr->cfa < sp || (u->p->mem->limit && !mem_check(u->p->mem, nra, 2, MEM_X)) ||
            (name && (!strcmp(name, "_start") || !strcmp(name, "__start"))))
            break;
        if (n > 1 && fr->cfa == f[n - 2].cfa && nra == f[n - 2].pc)
            break;
        pc = nra & ~a->code_align;
        sp = fr->cfa;
        fp = nfp;
    }
    return n;
}
