/* C-like expressions for print/set/x/break-if: registers, symbols, integer arithmetic, dereference and casts. */
#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"

struct ex {
    struct ui *u;        /* session */
    const char *s;       /* cursor */
    const char *start;   /* the whole expression */
    int err;             /* an error was printed */
};

static void skip(struct ex *e)
{
    while (isspace((unsigned char)*e->s))
        e->s++;
}

static int fail(struct ex *e, const char *fmt, const char *arg)
{
    if (!e->err)
        ui_printf(e->u, fmt, arg), ui_printf(e->u, "\n");
    e->err = 1;
    return -1;
}

static int accept(struct ex *e, const char *tok)
{
    skip(e);
    size_t n = strlen(tok);
    if (strncmp(e->s, tok, n))
        return 0;
    /* "<" must not match "<<", "&" not "&&", "=" not "==" */
    if ((n == 1 && strchr("<>&|=!", tok[0]) && (e->s[1] == tok[0] || e->s[1] == '=')) &&
        !(tok[0] == '!' && e->s[1] != '='))
        return 0;
    e->s += n;
    return 1;
}

static const struct { const char *name; struct ui_type t; } base_types[] = {
    {"unsigned long long", {TY_INT, 8, 1, 0}}, {"long long", {TY_INT, 8, 0, 0}},
    {"unsigned long", {TY_INT, 8, 1, 0}}, {"unsigned short", {TY_INT, 2, 1, 0}},
    {"unsigned char", {TY_INT, 1, 1, 0}}, {"unsigned int", {TY_INT, 4, 1, 0}},
    {"signed char", {TY_INT, 1, 0, 0}}, {"unsigned", {TY_INT, 4, 1, 0}}, {"long", {TY_INT, 8, 0, 0}},
    {"short", {TY_INT, 2, 0, 0}}, {"char", {TY_INT, 1, 0, 0}}, {"int", {TY_INT, 4, 0, 0}},
    {"uint8_t", {TY_INT, 1, 1, 0}}, {"uint16_t", {TY_INT, 2, 1, 0}}, {"uint32_t", {TY_INT, 4, 1, 0}},
    {"uint64_t", {TY_INT, 8, 1, 0}}, {"int8_t", {TY_INT, 1, 0, 0}}, {"int16_t", {TY_INT, 2, 0, 0}},
    {"int32_t", {TY_INT, 4, 0, 0}}, {"int64_t", {TY_INT, 8, 0, 0}}, {"void", {TY_VOID, 1, 0, 0}},
};

int ui_parse_type(const char **sp, struct ui_type *t)
{
    const char *s = *sp;
    while (isspace((unsigned char)*s))
        s++;
    for (size_t i = 0; i < sizeof base_types / sizeof base_types[0]; i++) {
        size_t n = strlen(base_types[i].name);
        if (strncmp(s, base_types[i].name, n) || isalnum((unsigned char)s[n]) || s[n] == '_')
            continue;
        *t = base_types[i].t;
        s += n;
        if (!strncmp(s, " int", 4) && t->size == 8)
            s += 4; /* "long int" */
        for (;;) {
            while (isspace((unsigned char)*s))
                s++;
            if (*s != '*')
                break;
            t->ptr++;
            s++;
        }
        *sp = s;
        return 0;
    }
    return -1;
}

static unsigned type_size(const struct ui_type *t, struct ui *u)
{
    return t->ptr || t->kind == TY_CODE ? (unsigned)u->addr_digits / 2 : t->size;
}

static uint64_t extend(uint64_t v, const struct ui_type *t, struct ui *u)
{
    unsigned n = type_size(t, u);
    if (n >= 8)
        return v;
    uint64_t m = (1ull << (8 * n)) - 1;
    v &= m;
    if (!t->ptr && !t->uns && t->kind == TY_INT && (v >> (8 * n - 1)) & 1)
        v |= ~m;
    return v;
}

static int load(struct ex *e, struct ui_val *v)
{
    unsigned n = type_size(&v->t, e->u);
    uint64_t x = 0;
    if (v->t.kind == TY_VOID && !v->t.ptr)
        return fail(e, "Attempt to take contents of a non-pointer value.", NULL);
    if (ui_read(e->u, v->addr, &x, n) < 0) {
        char buf[64];
        snprintf(buf, sizeof buf, "0x%" PRIx64, v->addr);
        return fail(e, "Cannot access memory at address %s", buf);
    }
    v->v = extend(x, &v->t, e->u);
    return 0;
}

static int expr(struct ex *e, struct ui_val *v);
static int unary(struct ex *e, struct ui_val *v);

static struct ui_type long_type(void) { return (struct ui_type){TY_INT, 8, 0, 0}; }

static int primary(struct ex *e, struct ui_val *v)
{
    struct ui *u = e->u;
    skip(e);
    memset(v, 0, sizeof *v);
    v->t = (struct ui_type){TY_INT, 4, 0, 0};
    if (accept(e, "(")) {
        if (expr(e, v) < 0)
            return -1;
        return accept(e, ")") ? 0 : fail(e, "A syntax error in expression, near `%s'.", e->s);
    }
    if (*e->s == '\'') {
        v->v = (uint8_t)e->s[1];
        v->t = (struct ui_type){TY_INT, 1, 0, 0};
        if (e->s[1] == '\\' && e->s[2]) {
            static const char esc[] = "n\nt\tr\r0\0\\\\''";
            const char *q = strchr(esc, e->s[2]);
            v->v = q && (q - esc) % 2 == 0 ? (uint8_t)q[1] : (uint8_t)e->s[2];
            e->s++;
        }
        if (e->s[2] != '\'')
            return fail(e, "Unmatched single quote.", NULL);
        e->s += 3;
        return 0;
    }
    if (isdigit((unsigned char)*e->s)) {
        char *end;
        v->v = strtoull(e->s, &end, 0);
        if (v->v > 0x7fffffff)
            v->t = long_type();
        e->s = end;
        while (*e->s == 'u' || *e->s == 'U' || *e->s == 'l' || *e->s == 'L')
            e->s++;
        return 0;
    }
    if (*e->s == '$') {
        const char *st = ++e->s;
        while (isalnum((unsigned char)*e->s) || *e->s == '_' || *e->s == '$')
            e->s++;
        char name[64];
        snprintf(name, sizeof name, "%.*s", (int)(e->s - st), st);
        if (!*name || !strcmp(name, "$") || isdigit((unsigned char)name[0])) { /* value history */
            int k = !*name ? u->nhist : !strcmp(name, "$") ? u->nhist - 1 : atoi(name);
            if (k < 1 || k > u->nhist)
                return fail(e, "History has not yet reached $%s.", name);
            *v = u->hist[k - 1];
            return 0;
        }
        int r = ui_reg_num(u, name);
        if (r >= 0) {
            v->v = ui_reg(u, r);
            v->lval = 2;
            v->reg = r;
            int ty = u->regs[r].type;
            v->t = ty == 1 ? (struct ui_type){TY_CODE, 8, 1, 1} : ty == 2 ? (struct ui_type){TY_VOID, 1, 0, 1}
                 : ty == 3 ? (struct ui_type){TY_FLOAT, 8, 0, 0} : (struct ui_type){TY_INT, (uint8_t)(u->regs[r].bits / 8), 0, 0};
            if (v->t.size > 8 || !v->t.size)
                v->t.size = 8;
            return 0;
        }
        for (int i = 0; i < u->nconv; i++)
            if (!strcmp(u->conv[i].name, name)) {
                v->v = u->conv[i].v;
                v->t = long_type();
                v->lval = 3;
                v->reg = i;
                return 0;
            }
        if (u->nconv < 32) { /* a new convenience variable: void until assigned */
            snprintf(u->conv[u->nconv].name, sizeof u->conv[0].name, "%.31s", name);
            u->conv[u->nconv].v = 0;
            v->lval = 3;
            v->reg = u->nconv++;
            v->t = long_type();
            return 0;
        }
        return fail(e, "Too many convenience variables.", NULL);
    }
    if (isalpha((unsigned char)*e->s) || *e->s == '_') {
        const char *st = e->s;
        while (isalnum((unsigned char)*e->s) || *e->s == '_' || *e->s == '.' || *e->s == '@')
            e->s++;
        char name[256];
        snprintf(name, sizeof name, "%.*s", (int)(e->s - st), st);
        const struct ui_sym *s = ui_sym_find(u, name);
        uint64_t a;
        if (s && s->func) {
            v->v = s->addr;
            v->t = (struct ui_type){TY_CODE, 8, 1, 0};
            v->sym = s->name;
            return 0;
        }
        if (s && s->size != 1 && s->size != 2 && s->size != 4 && s->size != 8) {
            /* an array or struct without type information: it decays to a pointer to its bytes */
            v->v = v->addr = s->addr;
            v->lval = 1;
            v->t = (struct ui_type){TY_INT, 1, 0, 1};
            return 0;
        }
        if (s) {
            v->lval = 1;
            v->addr = s->addr;
            v->notype = 1;
            /* no type information: guess from the object's size (4: int), as a C programmer would read it */
            v->t = (struct ui_type){TY_INT, (uint8_t)(s->size == 1 || s->size == 2 || s->size == 8 ? s->size : 4), 0, 0};
            return load(e, v);
        }
        if (symtab_find(u->p->syms, name, &a) == 0) {
            v->v = a;
            v->t = (struct ui_type){TY_CODE, 8, 1, 0};
            return 0;
        }
        e->s = st;
        return fail(e, "No symbol \"%s\" in current context.", name);
    }
    return fail(e, *e->s || e->s != e->start ? "A syntax error in expression, near `%s'."
                                             : "Argument required (expression to compute).", e->s);
}

static int postfix(struct ex *e, struct ui_val *v)
{
    if (primary(e, v) < 0)
        return -1;
    while (accept(e, "[")) {
        struct ui_val i;
        if (expr(e, &i) < 0)
            return -1;
        if (!accept(e, "]"))
            return fail(e, "A syntax error in expression, near `%s'.", e->s);
        if (!v->t.ptr)
            return fail(e, "cannot subscript something of type `%s'", "int");
        struct ui_type t = v->t;
        t.ptr--;
        v->addr = v->v + i.v * type_size(&t, e->u);
        v->t = t;
        v->lval = 1;
        v->notype = 0;
        if (load(e, v) < 0)
            return -1;
    }
    return 0;
}

static int unary(struct ex *e, struct ui_val *v)
{
    skip(e);
    const char *save = e->s;
    if (accept(e, "(")) {
        struct ui_type t;
        const char *s = e->s;
        if (ui_parse_type(&s, &t) == 0) {
            e->s = s;
            if (!accept(e, ")"))
                return fail(e, "A syntax error in expression, near `%s'.", e->s);
            if (unary(e, v) < 0)
                return -1;
            if (v->notype && v->lval == 1) { /* (long)sym reads the symbol's memory as that type */
                v->t = t;
                v->notype = 0;
                return load(e, v);
            }
            v->t = t;
            v->v = extend(v->v, &t, e->u);
            v->lval = 0;
            v->sym = NULL;
            return 0;
        }
        e->s = save;
    }
    if (accept(e, "{")) {
        struct ui_type t;
        if (ui_parse_type(&e->s, &t) < 0 || !accept(e, "}"))
            return fail(e, "A syntax error in expression, near `%s'.", e->s);
        if (unary(e, v) < 0)
            return -1;
        v->addr = v->v;
        v->t = t;
        v->lval = 1;
        v->notype = 0;
        return load(e, v);
    }
    if (accept(e, "-")) {
        if (unary(e, v) < 0)
            return -1;
        v->v = -v->v;
        v->lval = 0;
        return 0;
    }
    if (accept(e, "~")) {
        if (unary(e, v) < 0)
            return -1;
        v->v = extend(~v->v, &v->t, e->u);
        v->lval = 0;
        return 0;
    }
    if (accept(e, "!")) {
        if (unary(e, v) < 0)
            return -1;
        v->v = !v->v;
        v->t = (struct ui_type){TY_INT, 4, 0, 0};
        v->lval = 0;
        return 0;
    }
    if (accept(e, "*")) {
        if (unary(e, v) < 0)
            return -1;
        if (v->t.kind == TY_CODE && !v->t.ptr)
            return 0; /* *function is the function */
        if (!v->t.ptr) {
            if (v->t.kind == TY_INT) { /* gdb reads an integer address as a pointer to int */
                v->t = (struct ui_type){TY_INT, 4, 0, 1};
            } else {
                return fail(e, "Attempt to take contents of a non-pointer value.", NULL);
            }
        }
        v->t.ptr--;
        v->addr = v->v;
        v->lval = 1;
        v->notype = 0;
        v->sym = NULL;
        return load(e, v);
    }
    if (accept(e, "&")) {
        if (unary(e, v) < 0)
            return -1;
        if (v->t.kind == TY_CODE && !v->t.ptr && !v->lval)
            return 0;
        if (v->lval != 1)
            return fail(e, "Attempt to take address of value not located in memory.", NULL);
        v->v = v->addr;
        v->t.ptr++;
        v->lval = 0;
        return 0;
    }
    if (!strncmp(e->s, "sizeof", 6) && !isalnum((unsigned char)e->s[6])) {
        e->s += 6;
        struct ui_type t;
        const char *s = e->s;
        while (isspace((unsigned char)*s))
            s++;
        if (*s == '(' && (s++, ui_parse_type(&s, &t) == 0)) {
            while (isspace((unsigned char)*s))
                s++;
            if (*s != ')')
                return fail(e, "A syntax error in expression, near `%s'.", s);
            e->s = s + 1;
        } else {
            struct ui_val x;
            if (unary(e, &x) < 0)
                return -1;
            t = x.t;
        }
        memset(v, 0, sizeof *v);
        v->v = type_size(&t, e->u);
        v->t = (struct ui_type){TY_INT, 8, 1, 0};
        return 0;
    }
    return postfix(e, v);
}

/* Binary operators by precedence level, lowest first. */
static const char *const levels[][6] = {
    {"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"<<", ">>"}, {"+", "-"},
    {"*", "/", "%"},
};
#define NLEVELS (int)(sizeof levels / sizeof levels[0])

static int binary(struct ex *e, struct ui_val *v, int lvl)
{
    if (lvl == NLEVELS)
        return unary(e, v);
    if (binary(e, v, lvl + 1) < 0)
        return -1;
    for (;;) {
        const char *op = NULL;
        for (int i = 0; i < 6 && levels[lvl][i]; i++)
            if (accept(e, levels[lvl][i])) {
                op = levels[lvl][i];
                break;
            }
        if (!op)
            return 0;
        struct ui_val r;
        if (binary(e, &r, lvl + 1) < 0)
            return -1;
        uint64_t a = v->v, b = r.v, x;
        int uns = v->t.uns || r.t.uns || v->t.ptr;
        unsigned scale = v->t.ptr && !r.t.ptr && (op[0] == '+' || op[0] == '-') ? type_size(&(struct ui_type){v->t.kind, v->t.size, v->t.uns, (uint8_t)(v->t.ptr - 1)}, e->u) : 1;
        if (v->t.ptr && r.t.ptr && op[0] == '-')
            scale = 0;
        switch (op[0] | op[1] << 8) {
        case '+': x = a + b * scale; break;
        case '-': x = scale ? a - b * scale : (a - b) / (v->t.ptr > 1 || v->t.kind != TY_INT ? 8 : (v->t.size ? v->t.size : 1)); break;
        case '*': x = a * b; break;
        case '/':
        case '%':
            if (!b)
                return fail(e, "Division by zero", NULL);
            x = op[0] == '/' ? (uns ? a / b : (uint64_t)((int64_t)a / (int64_t)b))
                             : (uns ? a % b : (uint64_t)((int64_t)a % (int64_t)b));
            break;
        case '&': x = a & b; break;
        case '|': x = a | b; break;
        case '^': x = a ^ b; break;
        case '<' | '<' << 8: x = b >= 64 ? 0 : a << b; break;
        case '>' | '>' << 8: x = b >= 64 ? 0 : uns ? a >> b : (uint64_t)((int64_t)a >> b); break;
        case '=' | '=' << 8: x = a == b; break;
        case '!' | '=' << 8: x = a != b; break;
        case '<' | '=' << 8: x = uns ? a <= b : (int64_t)a <= (int64_t)b; break;
        case '>' | '=' << 8: x = uns ? a >= b : (int64_t)a >= (int64_t)b; break;
        case '<': x = uns ? a < b : (int64_t)a < (int64_t)b; break;
        case '>': x = uns ? a > b : (int64_t)a > (int64_t)b; break;
        case '&' | '&' << 8: x = a && b; break;
        case '|' | '|' << 8: x = a || b; break;
        default: x = 0;
        }
        int cmp = !strcmp(op, "==") || !strcmp(op, "!=") || !strcmp(op, "<=") || !strcmp(op, ">=") ||
                  !strcmp(op, "<") || !strcmp(op, ">");
        if (cmp || !strcmp(op, "&&") || !strcmp(op, "||")) {
            v->t = (struct ui_type){TY_INT, 4, 0, 0};
        } else if (!v->t.ptr) { /* usual arithmetic conversions, roughly */
            if (r.t.ptr)
                v->t = r.t;
            else if (r.t.size > v->t.size || (r.t.size == v->t.size && r.t.uns))
                v->t = r.t;
            if (v->t.size < 4)
                v->t.size = 4, v->t.uns = 0;
            if (v->t.kind != TY_INT)
                v->t = long_type();
        }
        if (v->t.ptr && v->t.ptr && r.t.ptr && op[0] == '-')
            v->t = long_type();
        v->v = extend(x, &v->t, e->u);
        v->lval = 0;
        v->notype = 0;
        v->sym = NULL;
    }
}

static int expr(struct ex *e, struct ui_val *v)
{
    if (binary(e, v, 0) < 0)
        return -1;
    if (accept(e, "=")) {
        struct ui_val r;
        if (expr(e, &r) < 0)
            return -1;
        if (!v->lval)
            return fail(e, "Left operand of assignment is not an lvalue.", NULL);
        if (v->lval == 3)
            v->t = r.t;
        if (ui_assign(e->u, v, r.v) < 0)
            return e->err = 1, -1;
        v->v = extend(r.v, &v->t, e->u);
    }
    return 0;
}

int ui_eval(struct ui *u, const char *s, struct ui_val *out)
{
    struct ex e = {u, s, s, 0};
    if (expr(&e, out) < 0)
        return -1;
    skip(&e);
    if (*e.s) {
        fail(&e, "A syntax error in expression, near `%s'.", e.s);
        return -1;
    }
    return 0;
}

int ui_assign(struct ui *u, const struct ui_val *v, uint64_t x)
{
    if (v->lval == 2) {
        if (dbg_write_reg(u->d, ui_cur_tid(u), v->reg, x) < 0)
            return ui_error(u, "Cannot write register $%s.", u->regs[v->reg].name);
        return 0;
    }
    if (v->lval == 3) {
        u->conv[v->reg].v = x;
        return 0;
    }
    unsigned n = type_size(&v->t, u);
    if (ui_write_mem(u, v->addr, &x, n) < 0)
        return ui_error(u, "Cannot access memory at address 0x%" PRIx64, v->addr);
    return 0;
}

/* A C string literal of guest memory at a. */
static void string_at(struct ui *u, uint64_t a, char *buf, size_t n)
{
    size_t k = 0;
    if (k + 1 < n)
        buf[k++] = '"';
    for (int i = 0; i < 200 && k + 8 < n; i++) {
        uint8_t c;
        if (ui_read(u, a + (uint64_t)i, &c, 1) < 0) {
            k += (size_t)snprintf(buf + k, n - k, "\"<error: Cannot access memory at address 0x%" PRIx64 ">",
                                  a + (uint64_t)i);
            return;
        }
        if (!c)
            break;
        if (c == '\n')
            buf[k++] = '\\', buf[k++] = 'n';
        else if (c == '\t')
            buf[k++] = '\\', buf[k++] = 't';
        else if (c == '"' || c == '\\')
            buf[k++] = '\\', buf[k++] = (char)c;
        else if (c < 32 || c >= 127)
            k += (size_t)snprintf(buf + k, n - k, "\\%03o", c);
        else
            buf[k++] = (char)c;
    }
    if (k + 2 < n)
        buf[k++] = '"';
    buf[k < n ? k : n - 1] = 0;
}

static void char_lit(int c, char *buf, size_t n)
{
    c &= 0xff;
    if (c == '\n')
        snprintf(buf, n, "'\\n'");
    else if (c == 0)
        snprintf(buf, n, "'\\000'");
    else if (c < 32 || c >= 127)
        snprintf(buf, n, "'\\%03o'", c);
    else if (c == '\'' || c == '\\')
        snprintf(buf, n, "'\\%c'", c);
    else
        snprintf(buf, n, "'%c'", c);
}

static const char *type_name(const struct ui_type *t, char *buf, size_t n)
{
    static const char *const names[2][9] = {{0, "char", "short", 0, "int", 0, 0, 0, "long"},
                                             {0, "unsigned char", "unsigned short", 0, "unsigned int", 0, 0, 0,
                                              "unsigned long"}};
    const char *b = t->size <= 8 && names[t->uns][t->size] ? names[t->uns][t->size] : "int";
    if (t->kind == TY_VOID)
        b = "void";
    snprintf(buf, n, "%s %.*s", b, t->ptr, "********");
    return buf;
}

void ui_format_val(struct ui *u, const struct ui_val *v, int fmt, char *buf, size_t n)
{
    char sym[256], tn[64];
    unsigned sz = type_size(&v->t, u);
    uint64_t x = v->v, m = sz >= 8 ? ~0ull : (1ull << (8 * sz)) - 1;
    switch (fmt) {
    case 'x': snprintf(buf, n, "0x%" PRIx64, x & m); return;
    case 'o': snprintf(buf, n, "0%" PRIo64, x & m); return;
    case 'd': snprintf(buf, n, "%" PRId64, (int64_t)extend(x, &(struct ui_type){TY_INT, (uint8_t)sz, 0, 0}, u)); return;
    case 'u': snprintf(buf, n, "%" PRIu64, x & m); return;
    case 'c': {
        char c[16];
        char_lit((int)x, c, sizeof c);
        snprintf(buf, n, "%d %s", (int)(int8_t)x, c);
        return;
    }
    case 't': {
        char b[72];
        int k = 0;
        for (int i = 63; i >= 0; i--)
            if ((x & m) >> i & 1 || k || !i)
                b[k++] = (char)('0' + ((x >> i) & 1));
        b[k] = 0;
        snprintf(buf, n, "%s", b);
        return;
    }
    case 'a':
        ui_symbolize(u, x, sym, sizeof sym);
        snprintf(buf, n, "0x%" PRIx64 "%s%s", x, *sym ? " " : "", sym);
        return;
    default:
        break;
    }
    if (v->t.kind == TY_FLOAT && !v->t.ptr) {
        double d;
        memcpy(&d, &x, sizeof d);
        snprintf(buf, n, "%.17g", d);
        return;
    }
    if (v->t.kind == TY_CODE && !v->t.ptr) {
        ui_symbolize(u, x, sym, sizeof sym);
        snprintf(buf, n, "{<text variable, no debug info>} 0x%" PRIx64 " %s", x, sym);
        return;
    }
    if (v->t.ptr) {
        ui_symbolize(u, x, sym, sizeof sym);
        if (v->t.kind == TY_INT && v->t.size == 1 && v->t.ptr == 1) {
            char s[512];
            string_at(u, x, s, sizeof s);
            snprintf(buf, n, "0x%" PRIx64 " %s", x, s);
        } else if (v->t.kind == TY_CODE) {
            snprintf(buf, n, "(void (*)()) 0x%" PRIx64 "%s%s", x, *sym ? " " : "", sym);
        } else {
            type_name(&v->t, tn, sizeof tn);
            snprintf(buf, n, "(%s) 0x%" PRIx64 "%s%s", tn, x, *sym ? " " : "", sym);
        }
        return;
    }
    if (v->t.size == 1) {
        char c[16];
        char_lit((int)x, c, sizeof c);
        snprintf(buf, n, "%" PRId64 " %s", v->t.uns ? (int64_t)(x & 0xff) : (int64_t)(int8_t)x, c);
        return;
    }
    if (v->t.uns)
        snprintf(buf, n, "%" PRIu64, x & m);
    else
        snprintf(buf, n, "%" PRId64, (int64_t)extend(x, &v->t, u));
}
