/* Step back: before each single step, the registers and the bytes the instruction will write are logged, so
   reverse-stepi can restore them. Uses only the ISA table (decode, mem_ref); a syscall or a free run ends the log. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"

#define UNDO_MAX 4096
#define UNDO_BYTES 64

struct undo {
    int tid;                     /* the thread that stepped */
    uint64_t regs[UI_MAX_REGS];  /* its gdb registers before the step */
    uint64_t addr;               /* memory the instruction wrote */
    unsigned len;                /* bytes saved in old (0: no write) */
    uint8_t old[UNDO_BYTES];     /* their previous contents */
};

static struct undo *ring;        /* the log, oldest at head */
static int head, count;

void ui_undo_clear(struct ui *u)
{
    (void)u;
    count = 0;
}

int ui_undo_depth(void)
{
    return count;
}

void ui_undo_record(struct ui *u)
{
    if (!u->isa->decode) { /* a board: no decoder says what a step writes, so there is nothing to undo with */
        ui_undo_clear(u);
        return;
    }
    if (!ring && !(ring = calloc(UNDO_MAX, sizeof *ring)))
        return;
    int tid = ui_cur_tid(u);
    struct emu_cpu *c = dbg_thread(u->d, tid);
    uint64_t pc = 0;
    char text[128];
    if (!c || dbg_read_reg(u->d, tid, u->r_pc, &pc) < 0 || u->isa->disasm(u->p, pc, text, sizeof text) <= 0) {
        ui_undo_clear(u);
        return;
    }
    if (!strncmp(text, "ecall", 5) || !strncmp(text, "svc", 3) || !strncmp(text, "syscall", 7)) {
        ui_undo_clear(u); /* what the kernel does cannot be undone from here */
        return;
    }
    if (count == UNDO_MAX)
        head = (head + 1) % UNDO_MAX, count--;
    struct undo *e = &ring[(head + count) % UNDO_MAX];
    e->tid = tid;
    for (int i = 0; i < u->nregs; i++)
        if (dbg_read_reg(u->d, tid, i, &e->regs[i]) < 0)
            e->regs[i] = 0;
    e->len = 0;
    struct op ops[8];
    struct blk_builder b = {ops, 0, 8, 0};
    if (u->isa->mem_ref && u->isa->decode(u->p, pc, &b) > 0) {
        for (uint32_t i = 0; i < b.nops; i++) {
            uint64_t a = 0;
            unsigned n = 0;
            if (!(u->isa->mem_ref(c, &ops[i], &a, &n) & 2) || !n)
                continue;
            if (n > UNDO_BYTES)
                n = UNDO_BYTES;
            if (dbg_read_mem(u->d, a, e->old, n) == 0)
                e->addr = a, e->len = n;
            break;
        }
    }
    count++;
}

int cmd_reverse_stepi(struct ui *u, char *a, const char *name)
{
    (void)name;
    if (!u->alive || !u->stopped)
        return ui_error(u, "The program is not being run.");
    long n = strtol(a, NULL, 0);
    if (n < 1)
        n = 1;
    if (!count)
        return ui_error(u, "No recorded steps to go back through (the log holds single steps since the last "
                           "continue or syscall).");
    for (; n > 0 && count; n--) {
        struct undo *e = &ring[(head + count - 1) % UNDO_MAX];
        count--;
        if (e->len)
            dbg_write_mem(u->d, e->addr, e->old, e->len);
        for (int i = 0; i < u->nregs; i++)
            if (u->regs[i].bits <= 64)
                dbg_write_reg(u->d, e->tid, i, e->regs[i]);
        u->tid = e->tid;
    }
    u->frame = 0;
    ui_take_snapshot(u);
    ui_print_location(u, 1);
    ui_do_displays(u);
    return 0;
}
