/* Debug session: resumes the target for a command, turns stop events into gdb-style reports, keeps breakpoints. */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mem.h"
#include "syscall.h"
#include "trace.h"
#include "ui_int.h"

void ui_printf(struct ui *u, const char *fmt, ...)
{
    char buf[8192];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n >= sizeof buf)
        n = (int)sizeof buf - 1;
    u->write(u, buf, (size_t)n);
}

int ui_error(struct ui *u, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    ui_printf(u, "%s\n", buf);
    return -1;
}

/* ---- registers ---- */

/* Register types from the backend's target description (code_ptr, data_ptr, ieee_*). */
static int xml_type(const struct emu_isa *isa, const char *name)
{
    char key[64];
    snprintf(key, sizeof key, "name=\"%s\"", name);
    for (int i = 0; isa->gdb_xml && isa->gdb_xml[i] && isa->gdb_xml[i + 1]; i += 2) {
        const char *x = isa->gdb_xml[i + 1], *k = strstr(x, key);
        if (!k)
            continue;
        const char *end = strstr(k, "/>"), *t = strstr(k, "type=\"");
        if (!t || (end && t > end))
            return 0;
        t += 6;
        if (!strncmp(t, "code_ptr", 8))
            return 1;
        if (!strncmp(t, "data_ptr", 8))
            return 2;
        if (!strncmp(t, "ieee", 4) || !strncmp(t, "float", 5))
            return 3;
        return 0;
    }
    return 0;
}

int ui_reg_num(struct ui *u, const char *name)
{
    for (int i = 0; i < u->nregs; i++)
        if (!strcmp(u->regs[i].name, name))
            return i;
    static const char *const alias[][2] = {{"s0", "fp"}, {"fp", "x29"}, {"lr", "x30"}, {"x0", "zero"}, {"x1", "ra"},
                                           {"x2", "sp"}, {"x8", "fp"}, {"ra", "x30"}, {"fp", "r11"},
                                           {"r11", "fp"}, {"r7", "fp"}};
    for (size_t k = 0; k < sizeof alias / sizeof alias[0]; k++)
        if (!strcmp(name, alias[k][0]))
            for (int i = 0; i < u->nregs; i++)
                if (!strcmp(u->regs[i].name, alias[k][1]))
                    return i;
    return -1;
}

int ui_cur_tid(struct ui *u)
{
    return u->tid > 0 ? u->tid : u->st.tid;
}

int ui_thread_num(struct ui *u, int tid)
{
    for (int i = 0; i < u->nthread_ids; i++)
        if (u->thread_ids[i] == tid)
            return i + 1;
    if (u->nthread_ids < (int)(sizeof u->thread_ids / sizeof u->thread_ids[0]))
        u->thread_ids[u->nthread_ids++] = tid;
    return u->nthread_ids;
}

static uint64_t raw_reg(struct ui *u, int regno)
{
    uint64_t v = 0;
    if (regno < 0 || dbg_read_reg(u->d, ui_cur_tid(u), regno, &v) < 0)
        return 0;
    return v;
}

uint64_t ui_reg(struct ui *u, int regno)
{
    if (u->frame > 0 && regno >= 0 && (regno == u->r_pc || regno == u->r_sp || regno == u->r_fp)) {
        struct ui_frame f[UI_MAX_FRAMES];
        int n = ui_unwind(u, f, UI_MAX_FRAMES);
        if (u->frame < n)
            return regno == u->r_pc ? f[u->frame].pc : regno == u->r_sp ? f[u->frame].sp : f[u->frame].fp;
    }
    return raw_reg(u, regno);
}

int ui_read(struct ui *u, uint64_t addr, void *buf, size_t n)
{
    return dbg_read_mem(u->d, addr, buf, n) < 0 ? -1 : 0;
}

int ui_write_mem(struct ui *u, uint64_t addr, const void *buf, size_t n)
{
    return dbg_write_mem(u->d, addr, buf, n) < 0 ? -1 : 0;
}

/* ---- symbols and locations ---- */

void ui_symbolize(struct ui *u, uint64_t addr, char *buf, size_t n)
{
    uint64_t off = 0;
    const char *s = symtab_lookup(u->p->syms, addr, &off);
    if (!s)
        *buf = 0;
    else if (off)
        snprintf(buf, n, "<%s+%" PRIu64 ">", s, off);
    else
        snprintf(buf, n, "<%s>", s);
}

void ui_frame_line(struct ui *u, const struct ui_frame *f, int level, char *buf, size_t n)
{
    uint64_t off = 0;
    const char *s = symtab_lookup(u->p->syms, f->pc, &off);
    /* outer frames stand at a return address: the call is the instruction before it */
    const struct ui_line *l = ui_line_at(u, level > 0 ? f->pc - 1 : f->pc);
    int at_start = level == 0 && l && l->addr == f->pc && l->stmt;
    size_t k = 0;
    if (!at_start)
        k = (size_t)snprintf(buf, n, "0x%0*" PRIx64 " in ", u->addr_digits, f->pc);
    if (k < n)
        k += (size_t)snprintf(buf + k, n - k, "%s ()", s ? s : "??");
    if (l && k < n)
        snprintf(buf + k, n - k, " at %s:%d", l->file, l->line);
}

void ui_print_location(struct ui *u, int with_addr)
{
    (void)with_addr;
    struct ui_frame f[UI_MAX_FRAMES];
    int nf = ui_unwind(u, f, UI_MAX_FRAMES);
    int lvl = u->frame < nf ? u->frame : 0;
    char line[512];
    ui_frame_line(u, &f[lvl], lvl, line, sizeof line);
    ui_printf(u, "%s\n", line);
    const struct ui_line *l = ui_line_at(u, lvl > 0 ? f[lvl].pc - 1 : f[lvl].pc);
    const char *src = l ? ui_source_line(u, l->path, l->line) : NULL;
    if (src)
        ui_printf(u, "%d\t%s\n", l->line, src);
}

int ui_sysno(struct ui *u, const char *name)
{
    char *end;
    long v = strtol(name, &end, 0);
    if (!*end && end != name)
        return (int)v;
    for (unsigned i = 0; i < u->isa->nsys; i++)
        if (u->isa->systab[i] && u->isa->systab[i]->name && !strcmp(u->isa->systab[i]->name, name))
            return (int)i;
    return -1;
}

const char *ui_sysname(struct ui *u, int nr)
{
    if (nr >= 0 && (unsigned)nr < u->isa->nsys && u->isa->systab[nr] && u->isa->systab[nr]->name)
        return u->isa->systab[nr]->name;
    return "?";
}

int ui_location(struct ui *u, const char *spec, uint64_t *addr)
{
    while (*spec == ' ')
        spec++;
    if (*spec == '*') {
        struct ui_val v;
        if (ui_eval(u, spec + 1, &v) < 0)
            return -1;
        *addr = v.v;
        return 0;
    }
    if (!*spec) {
        *addr = ui_reg(u, u->r_pc);
        return 0;
    }
    const char *colon = strrchr(spec, ':');
    char *end;
    long line = strtol(colon ? colon + 1 : spec, &end, 10);
    if (!*end && end != (colon ? colon + 1 : spec)) {
        char file[256] = "";
        if (colon)
            snprintf(file, sizeof file, "%.*s", (int)(colon - spec), spec);
        uint64_t a = ui_line_addr(u, colon ? file : NULL, (int)line);
        if (!a)
            return u->nlines ? ui_error(u, "No line %ld in %s.", line, colon ? file : "the current file")
                             : ui_error(u, "No line number information (build the program with -g).");
        *addr = a;
        return 0;
    }
    uint64_t a;
    const struct ui_sym *s = ui_sym_find(u, spec);
    if (s && s->func) {
        *addr = ui_skip_prologue(u, s->addr);
        return 0;
    }
    if (symtab_find(u->p->syms, spec, &a) == 0) {
        *addr = ui_skip_prologue(u, a);
        return 0;
    }
    return ui_error(u, "Function \"%s\" not defined.", spec);
}

/* ---- breakpoints ---- */

static int ins_find(struct ui *u, uint64_t addr)
{
    for (int i = 0; i < u->nins; i++)
        if (u->ins[i].addr == addr)
            return i;
    return -1;
}

static void ins_add_kind(struct ui *u, uint64_t addr, int hw)
{
    int i = ins_find(u, addr);
    if (i >= 0) {
        u->ins[i].refs++;
        return;
    }
    if (u->nins == (int)(sizeof u->ins / sizeof u->ins[0]))
        return;
    u->ins[u->nins].addr = addr;
    u->ins[u->nins].hw = hw;
    u->ins[u->nins++].refs = 1;
    hw ? dbg_insert_hwbp(u->d, addr) : dbg_insert_bp(u->d, addr);
}

static void ins_add(struct ui *u, uint64_t addr)
{
    ins_add_kind(u, addr, 0);
}

static void ins_del(struct ui *u, uint64_t addr)
{
    int i = ins_find(u, addr);
    if (i < 0 || --u->ins[i].refs > 0)
        return;
    u->ins[i] = u->ins[--u->nins];
    if (u->op.stepover_bp != addr)
        dbg_remove_bp(u->d, addr);
}

struct ui_bp *ui_bp_new(struct ui *u, int kind)
{
    struct ui_bp *nb = realloc(u->bps, (size_t)(u->nbps + 1) * sizeof *nb);
    if (!nb)
        return NULL;
    u->bps = nb;
    struct ui_bp *b = &u->bps[u->nbps++];
    memset(b, 0, sizeof *b);
    b->num = ++u->bp_next;
    b->kind = kind;
    return b;
}

static void bp_apply(struct ui *u, struct ui_bp *b, int on)
{
    if (b->pending)
        return; /* nothing in the target until its location exists */
    if (b->kind == BP_BREAK)
        on ? ins_add_kind(u, b->addr, b->hw) : ins_del(u, b->addr);
    else if (b->kind == BP_WATCH)
        on ? dbg_insert_wp(u->d, b->wtype, b->addr, b->len) : dbg_remove_wp(u->d, b->wtype, b->addr, b->len);
}

void ui_bp_enable(struct ui *u, struct ui_bp *b, int on)
{
    if (!b->enabled == !on)
        return;
    b->enabled = on;
    if (b->kind == BP_CATCH)
        ui_sync_catch(u);
    else
        bp_apply(u, b, on);
}

void ui_bp_delete(struct ui *u, struct ui_bp *b)
{
    ui_bp_enable(u, b, 0);
    free(b->what);
    free(b->cond);
    free(b->sysnos);
    size_t i = (size_t)(b - u->bps);
    memmove(b, b + 1, (size_t)(u->nbps - 1 - (int)i) * sizeof *b);
    u->nbps--;
}

struct ui_bp *ui_bp_get(struct ui *u, int num)
{
    for (int i = 0; i < u->nbps; i++)
        if (u->bps[i].num == num)
            return &u->bps[i];
    return NULL;
}

int ui_code_bp_at(struct ui *u, uint64_t addr)
{
    for (int i = 0; i < u->nbps; i++)
        if (u->bps[i].kind == BP_BREAK && u->bps[i].enabled && !u->bps[i].pending && u->bps[i].addr == addr)
            return u->bps[i].num;
    return 0;
}

void ui_sync_catch(struct ui *u)
{
    int all = 0, n = 0, nos[512];
    for (int i = 0; i < u->nbps; i++) {
        struct ui_bp *b = &u->bps[i];
        if (b->kind != BP_CATCH || !b->enabled)
            continue;
        if (b->nsys < 0)
            all = 1;
        for (int k = 0; k < b->nsys && n < 512; k++)
            nos[n++] = b->sysnos[k];
    }
    if (all)
        dbg_catch_syscalls(u->d, NULL, -1);
    else
        dbg_catch_syscalls(u->d, nos, n);
}

/* ---- set-up ---- */

int ui_session_init(struct ui *u, struct dbg *d, int mode)
{
    u->d = d;
    u->p = dbg_proc(d);
    u->isa = u->p->isa;
    u->mode = mode;
    u->handoff_fd = -1;
    u->addr_digits = u->isa->elf_class == 2 ? 16 : 8;
    u->alive = 1;
    u->xfmt = 'x';
    u->xsize = 'w';
    const struct isa_reg *r = u->isa->gdb_regs;
    for (int i = 0; r && r[i].name && i < UI_MAX_REGS; i++) {
        u->regs[i] = (struct ui_reg){r[i].name, r[i].bits, xml_type(u->isa, r[i].name)};
        u->nregs = i + 1;
    }
    u->r_pc = ui_reg_num(u, "pc");
    u->r_sp = ui_reg_num(u, "sp");
    u->r_fp = ui_reg_num(u, "fp");
    u->r_ra = ui_reg_num(u, "ra");
    if (u->r_ra < 0)
        u->r_ra = ui_reg_num(u, "lr");
    u->ngeneral = u->r_pc + 1;
    while (u->ngeneral < u->nregs && u->regs[u->ngeneral].bits == 32 && u->regs[u->ngeneral].type != 3)
        u->ngeneral++;
    trace_set_abi(u->isa->name);
    ui_syms_load(u);
    /* gdb's default: these signals pass to the program without stopping it */
    static const int pass[] = {14, 17, 23, 26, 27, 28, 29};
    uint64_t set = 0;
    for (size_t i = 0; i < sizeof pass / sizeof pass[0]; i++)
        set |= 1ull << (pass[i] - 1);
    dbg_pass_signals(d, set);
    return 0;
}

void ui_take_snapshot(struct ui *u)
{
    u->prev = u->snap;
    struct ui_snap *s = &u->snap;
    s->valid = 1;
    s->tid = ui_cur_tid(u);
    for (int i = 0; i < u->nregs; i++)
        s->regs[i] = raw_reg(u, i);
    s->pc = s->regs[u->r_pc];
    s->nframes = ui_unwind(u, s->f, UI_MAX_FRAMES);
    s->mem_addr = u->mem_view ? u->mem_view : (u->r_sp >= 0 ? s->regs[u->r_sp] & ~15ull : 0);
    for (size_t i = 0; i < sizeof s->mem; i++)
        s->mem_ok[i] = ui_read(u, s->mem_addr + i, &s->mem[i], 1) == 0;
}

static int stop_pending(const struct dbg_stop *st)
{
    return st->kind == DBG_STOP_EXIT || st->kind == DBG_STOP_KILLED;
}

void ui_wait_start(struct ui *u)
{
    struct dbg_stop st;
    dbg_wait(u->d, &st, -1);
    u->st = st;
    u->stopped = 1;
    ui_thread_num(u, st.tid);
    ui_take_snapshot(u);
    ui_take_snapshot(u);
}

/* ---- running ---- */

static void resume(struct ui *u, enum dbg_mode mode)
{
    u->write(u, "", 0); /* flush */
    int sig = u->st.kind == DBG_STOP_SIGNAL ? u->st.sig : 0;
    if (u->st.kind == DBG_STOP_EXEC && u->leave)
        u->leave(u); /* the new image runs without this front end */
    u->st.kind = 0;
    u->stopped = 0;
    u->running = 1;
    u->op.last_step = mode == DBG_STEP; /* remembers how we resumed, for a step interrupted by another stop */
    if (mode == DBG_CONTINUE)
        ui_undo_clear(u);
    dbg_resume(u->d, mode, ui_cur_tid(u), sig);
}

static void op_done(struct ui *u)
{
    if (u->op.tmp)
        ins_del(u, u->op.tmp);
    u->op.tmp = 0;
    u->op.kind = OP_NONE;
    u->running = 0;
}

static uint64_t cur_pc(struct ui *u) { return raw_reg(u, u->r_pc); }
static uint64_t cur_sp(struct ui *u) { return raw_reg(u, u->r_sp); }

/* Starts a step of one instruction for stepi/nexti: a call under nexti runs to its return address. */
static void step_insn(struct ui *u)
{
    if (u->op.kind == OP_NEXTI || u->op.kind == OP_NEXT) {
        char text[128];
        uint64_t pc = cur_pc(u);
        int len = u->isa->disasm(u->p, pc, text, sizeof text);
        if (len > 0 && ui_is_call(u, text)) {
            if (u->op.tmp)
                ins_del(u, u->op.tmp);
            u->op.tmp = pc + (uint64_t)len;
            u->op.sp = cur_sp(u);
            ins_add(u, u->op.tmp);
        }
    }
    ui_undo_record(u);
    resume(u, DBG_STEP);
}

int ui_start(struct ui *u, const struct run_op *op)
{
    if (!u->alive || u->exited)
        return ui_error(u, "The program is not being run.");
    u->op = *op;
    u->frame = 0;
    uint64_t pc = cur_pc(u);
    if (op->kind == OP_STEPI || op->kind == OP_NEXTI || op->kind == OP_STEP || op->kind == OP_NEXT) {
        const struct ui_line *l = ui_line_at(u, pc);
        u->op.start_line = l ? l->line : 0;
        u->op.start_pc = pc;
        u->op.step_sp = cur_sp(u);
        uint64_t off = 0;
        if (symtab_lookup(u->p->syms, pc, &off))
            u->op.fn_lo = pc - off;
        step_insn(u);
        return 0;
    }
    if (op->tmp)
        ins_add(u, op->tmp);
    /* A breakpoint at pc that did not just report would trap at once: step off it with it lifted. */
    if (ins_find(u, pc) >= 0 && !(u->st.kind == DBG_STOP_BREAK && u->st.pc == pc)) {
        u->op.stepover_bp = pc;
        dbg_remove_bp(u->d, pc);
        resume(u, DBG_STEP);
        return 0;
    }
    resume(u, DBG_CONTINUE);
    return 0;
}

void ui_interrupt(struct ui *u)
{
    if (u->running)
        dbg_interrupt(u->d);
}

static void report_exit(struct ui *u, const struct dbg_stop *st)
{
    if (st->kind == DBG_STOP_EXIT) {
        if (st->status == 0)
            ui_printf(u, "[Inferior 1 (process %d) exited normally]\n", (int)getpid());
        else
            ui_printf(u, "[Inferior 1 (process %d) exited with code %02o]\n", (int)getpid(), st->status);
    } else {
        const char *n = trace_signal_name(st->sig);
        ui_printf(u, "\nProgram terminated with signal %s, %s.\nThe program no longer exists.\n", n ? n : "?",
                  strsignal(st->sig));
    }
}

static const char *watch_title(int type)
{
    return type == DBG_WATCH_READ ? "Hardware read watchpoint" : type == DBG_WATCH_ACCESS
               ? "Hardware access (read/write) watchpoint" : "Hardware watchpoint";
}

static uint64_t sext(uint64_t v, unsigned len)
{
    if (len >= 8 || !len)
        return v;
    unsigned sh = 64 - 8 * len;
    return (uint64_t)((int64_t)(v << sh) >> sh);
}

/* Handles a watch stop; returns 1 when it is reported, 0 when it must be ignored. */
static int report_watch(struct ui *u, const struct dbg_stop *st)
{
    for (int i = 0; i < u->nbps; i++) {
        struct ui_bp *b = &u->bps[i];
        if (b->kind != BP_WATCH || !b->enabled || b->addr != st->addr || b->len != st->len)
            continue;
        int changed = st->old_val != st->new_val;
        if (b->wtype == DBG_WATCH_WRITE && !changed)
            return 0; /* gdb reports a write watchpoint only when the value changes */
        b->hits++;
        b->wval = st->new_val;
        ui_printf(u, "\n%s %d: %s\n\n", watch_title(b->wtype), b->num, b->what);
        if (b->wtype == DBG_WATCH_READ || !changed)
            ui_printf(u, "Value = %" PRId64 "\n", (int64_t)sext(st->new_val, b->len));
        else
            ui_printf(u, "Old value = %" PRId64 "\nNew value = %" PRId64 "\n", (int64_t)sext(st->old_val, b->len),
                      (int64_t)sext(st->new_val, b->len));
        return 1;
    }
    return 0;
}

static int report_catch(struct ui *u, const struct dbg_stop *st)
{
    for (int i = 0; i < u->nbps; i++) {
        struct ui_bp *b = &u->bps[i];
        if (b->kind != BP_CATCH || !b->enabled)
            continue;
        int match = b->nsys < 0;
        for (int k = 0; k < b->nsys; k++)
            match |= b->sysnos[k] == st->sysno;
        if (!match)
            continue;
        b->hits++;
        ui_printf(u, "\nCatchpoint %d (%s syscall %s), ", b->num,
                  st->kind == DBG_STOP_SYSCALL_ENTRY ? "call to" : "returned from", ui_sysname(u, st->sysno));
        return 1;
    }
    return 0;
}

/* A user breakpoint at pc whose condition holds: reports it and returns 1. */
static int report_break(struct ui *u, uint64_t pc)
{
    for (int i = 0; i < u->nbps; i++) {
        struct ui_bp *b = &u->bps[i];
        if (b->kind != BP_BREAK || !b->enabled || b->pending || b->addr != pc)
            continue;
        if (b->cond) {
            struct ui_val v;
            if (ui_eval(u, b->cond, &v) == 0 && !v.v)
                continue;
        }
        b->hits++;
        ui_printf(u, "\n%s %d, ", b->temp ? "Temporary breakpoint" : "Breakpoint", b->num);
        if (b->temp)
            ui_bp_delete(u, b);
        return 1;
    }
    return 0;
}

/* Ends the command with a report of where the program stands. */
static int stopped_here(struct ui *u)
{
    op_done(u);
    ui_take_snapshot(u);
    ui_print_location(u, 1);
    ui_do_displays(u);
    return 1;
}

/* Source stepping: 1 when pc starts a different line (or left the function for one with lines). */
static int line_step_done(struct ui *u, uint64_t pc)
{
    const struct ui_line *l = ui_line_at(u, pc);
    if (!l)
        return 0;
    return l->addr == pc && l->stmt && (l->line != u->op.start_line || pc == u->op.fn_lo);
}

static int handle_stop(struct ui *u, const struct dbg_stop *st)
{
    int stepped = u->op.last_step;
    if (u->handoff_fd >= 0)
        ui_exec_abandon(u); /* the exec we handed ourselves over for failed: this session goes on */
    u->st = *st;
    u->stopped = 1;
    u->running = 0;
    u->tid = st->tid;
    u->frame = 0;
    ui_thread_num(u, st->tid);
    if (u->op.stepover_bp) {
        int k = ins_find(u, u->op.stepover_bp);
        if (k >= 0)
            u->ins[k].hw ? dbg_insert_hwbp(u->d, u->op.stepover_bp) : dbg_insert_bp(u->d, u->op.stepover_bp);
        u->op.stepover_bp = 0;
    }
    if (stop_pending(st)) {
        op_done(u);
        u->exited = 1;
        u->alive = 0;
        report_exit(u, st);
        return 1;
    }
    int inflight = u->step_inflight;
    u->step_inflight = stepped && st->kind != DBG_STOP_STEP;
    switch (st->kind) {
    case DBG_STOP_BREAK:
        if (report_break(u, st->pc))
            return stopped_here(u);
        if (u->op.tmp == st->pc && cur_sp(u) >= u->op.sp) {
            ins_del(u, u->op.tmp);
            u->op.tmp = 0;
            if (u->op.kind == OP_NEXTI || u->op.kind == OP_NEXT)
                goto stepped; /* the call returned: the nexti is complete */
            const struct ui_func *rf = u->op.kind == OP_FINISH ? u->op.ret_fn : NULL;
            int done = stopped_here(u);
            if (rf)
                ui_print_return(u, rf);
            return done;
        }
        if (u->op.kind == OP_NONE)
            return stopped_here(u);
        resume(u, DBG_CONTINUE);
        return 0;
    case DBG_STOP_WATCH:
        if (!report_watch(u, st)) {
            resume(u, stepped ? DBG_STEP : DBG_CONTINUE);
            return 0;
        }
        return stopped_here(u);
    case DBG_STOP_SYSCALL_ENTRY:
    case DBG_STOP_SYSCALL_RETURN:
        if (!report_catch(u, st)) {
            resume(u, stepped ? DBG_STEP : DBG_CONTINUE);
            return 0;
        }
        return stopped_here(u);
    case DBG_STOP_SIGNAL: {
        const char *n = trace_signal_name(st->sig);
        ui_printf(u, "\nProgram received signal %s, %s.\n", n ? n : "?", strsignal(st->sig));
        return stopped_here(u);
    }
    case DBG_STOP_INTERRUPT:
        ui_printf(u, "\nProgram received signal SIGINT, Interrupt.\n");
        return stopped_here(u);
    case DBG_STOP_EXEC:
        if (ui_exec_follow(u, st)) { /* the re-executed xtrace takes over and reports the exec */
            resume(u, stepped ? DBG_STEP : DBG_CONTINUE);
            return 0;
        }
        ui_printf(u, "\nprocess %d is executing new program: %s (continuing lets it run without the debugger)\n",
                  (int)getpid(), st->path ? st->path : "?");
        return stopped_here(u);
    case DBG_STOP_FORK:
    case DBG_STOP_VFORK: /* like gdb without a fork catchpoint: say so, the child runs on, the parent goes on */
        ui_printf(u, "[process %d %s child %d: the child runs on without the debugger]\n", (int)getpid(),
                  st->kind == DBG_STOP_VFORK ? "vforked" : "forked", st->child_pid);
        resume(u, stepped ? DBG_STEP : DBG_CONTINUE);
        return 0;
    case DBG_STOP_VFORK_DONE:
        resume(u, stepped ? DBG_STEP : DBG_CONTINUE);
        return 0;
    case DBG_STOP_STEP:
        if (inflight && (u->op.kind == OP_STEPI || u->op.kind == OP_NEXTI) && cur_pc(u) == u->op.start_pc) {
            resume(u, DBG_STEP); /* the report of a step another stop interrupted: not a new instruction */
            return 0;
        }
        break;
    default:
        return stopped_here(u);
    }
    /* DBG_STOP_STEP */
    switch (u->op.kind) {
    case OP_CONT:
    case OP_FINISH:
    case OP_UNTIL:
        resume(u, DBG_CONTINUE); /* stepped off a breakpoint: now run */
        return 0;
    case OP_NEXTI:
    case OP_NEXT:
        if (u->op.tmp) { /* went into a call: run to its return */
            resume(u, DBG_CONTINUE);
            return 0;
        }
        break;
    default:
        break;
    }
stepped:
    if (u->op.kind == OP_STEP || u->op.kind == OP_NEXT) {
        uint64_t pc = cur_pc(u), off = 0;
        if (u->op.kind == OP_STEP && ui_line_at(u, pc) && symtab_lookup(u->p->syms, pc, &off) && off == 0) {
            uint64_t body = ui_skip_prologue(u, pc); /* stepped into a function: stop after its prologue */
            if (body != pc) {
                u->op.tmp = body;
                u->op.sp = 0;
                ins_add(u, body);
                resume(u, DBG_CONTINUE);
                return 0;
            }
        }
        uint64_t o3 = 0;
        int other_fn = !symtab_lookup(u->p->syms, pc, &o3) || pc - o3 != u->op.fn_lo;
        if (u->nlines && ui_line_at(u, u->op.start_pc) && cur_sp(u) > u->op.step_sp && other_fn) {
            /* returned into the caller in the middle of its statement: finish that statement, like gdb */
            const struct ui_line *l = ui_line_at(u, pc);
            u->op.step_sp = cur_sp(u);
            if (!l) { /* a caller without line info (main returning into libc): just run */
                u->op.kind = OP_CONT;
                resume(u, DBG_CONTINUE);
                return 0;
            }
            if (l->addr == pc && l->stmt)
                return stopped_here(u); /* the caller's code after the call starts a line row: show it */
            u->op.start_line = l->line;
            u->op.fn_lo = pc - o3;
            u->op.kind = OP_NEXT;
            step_insn(u);
            return 0;
        }
        if (!u->nlines || !ui_line_at(u, u->op.start_pc) || line_step_done(u, pc))
            return stopped_here(u);
        if (u->op.kind == OP_STEP && !ui_line_at(u, pc) && symtab_lookup(u->p->syms, pc, &off) && off == 0 &&
            u->r_ra >= 0) { /* stepped into a function without line info: run to its return */
            u->op.tmp = raw_reg(u, u->r_ra);
            u->op.sp = cur_sp(u);
            ins_add(u, u->op.tmp);
            u->op.kind = OP_NEXT;
            resume(u, DBG_CONTINUE);
            return 0;
        }
        step_insn(u);
        return 0;
    }
    if (--u->op.count > 0) {
        u->op.start_pc = cur_pc(u);
        step_insn(u);
        return 0;
    }
    return stopped_here(u);
}

int ui_poll(struct ui *u, int timeout_ms)
{
    struct dbg_stop st;
    if (!u->running)
        return 1;
    if (!dbg_wait(u->d, &st, timeout_ms))
        return 0;
    return handle_stop(u, &st);
}

void ui_finish_process(struct ui *u, int status)
{
    fflush(NULL);
    if (dbg_close(u->d)) { /* a remote target detached or shut its board down */
        fflush(NULL);
        _exit(status);
    }
    if (u->exited && u->stopped) {
        dbg_resume(u->d, DBG_CONTINUE, 0, 0); /* the guest thread ends the process with its status */
        for (;;)
            pause();
    }
    _exit(status);
}
