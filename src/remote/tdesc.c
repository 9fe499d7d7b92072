/* Target descriptions: qXfer target.xml and its xi:includes parsed with expat into a register file. */
#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tdesc.h"

#define MAX_DEPTH 8
#define MAX_REGS 4096

struct pstate {
    struct tdesc *t;             /* what is being built */
    tdesc_fetch_fn fetch;        /* reads included documents */
    void *ctx;                   /* its argument */
    int next_regnum;             /* number of the next register without regnum= */
    int depth;                   /* include nesting */
    int in_arch;                 /* inside <architecture> */
    char *err;                   /* message buffer */
    size_t errsz;                /* its size */
    int failed;                  /* an error is in err */
    XML_Parser xp;               /* the parser of the current document */
};

static int parse_doc(struct pstate *s, const char *annex);

static const char *attr(const XML_Char **a, const char *name)
{
    for (int i = 0; a[i]; i += 2)
        if (!strcmp(a[i], name))
            return a[i + 1];
    return NULL;
}

static void fail(struct pstate *s, const char *fmt, const char *x, const char *y)
{
    if (s->failed)
        return;
    s->failed = 1;
    snprintf(s->err, s->errsz, fmt, x, y);
    if (s->xp)
        XML_StopParser(s->xp, XML_FALSE);
}

static void add_reg(struct pstate *s, const XML_Char **a)
{
    struct tdesc *t = s->t;
    const char *name = attr(a, "name"), *bits = attr(a, "bitsize"), *num = attr(a, "regnum");
    if (!name || !bits) {
        fail(s, "a <reg> without %s%s", !name ? "name" : "bitsize", "");
        return;
    }
    if (t->nregs == MAX_REGS)
        return;
    if (!(t->nregs & 63)) {
        struct tdesc_reg *g = realloc(t->regs, (size_t)(t->nregs + 64) * sizeof *g);
        if (!g) {
            fail(s, "out of memory%s%s", "", "");
            return;
        }
        t->regs = g;
    }
    struct tdesc_reg *r = &t->regs[t->nregs];
    memset(r, 0, sizeof *r);
    snprintf(r->name, sizeof r->name, "%s", name);
    char *end;
    long b = strtol(bits, &end, 10);
    if (*end || b <= 0 || b > 4096) {
        fail(s, "register %s has a bad bitsize \"%s\"", name, bits);
        return;
    }
    r->bits = (unsigned)b;
    if (num) {
        long n = strtol(num, &end, 10);
        if (*end || n < 0) {
            fail(s, "register %s has a bad regnum \"%s\"", name, num);
            return;
        }
        s->next_regnum = (int)n;
    }
    r->regnum = s->next_regnum++;
    const char *type = attr(a, "type"), *group = attr(a, "group");
    snprintf(r->type, sizeof r->type, "%s", type ? type : "int");
    snprintf(r->group, sizeof r->group, "%s", group ? group : "");
    r->feature = t->nfeatures - 1;
    t->nregs++;
}

static void XMLCALL on_start(void *ud, const XML_Char *el, const XML_Char **a)
{
    struct pstate *s = ud;
    if (s->failed)
        return;
    if (!strcmp(el, "architecture")) {
        s->in_arch = 1;
        s->t->arch[0] = 0;
    } else if (!strcmp(el, "feature")) {
        const char *n = attr(a, "name");
        if (s->t->nfeatures < 32)
            snprintf(s->t->features[s->t->nfeatures++], sizeof s->t->features[0], "%s", n ? n : "");
    } else if (!strcmp(el, "reg")) {
        add_reg(s, a);
    } else if (!strcmp(el, "xi:include") || !strcmp(el, "include")) {
        const char *href = attr(a, "href");
        if (!href) {
            fail(s, "an xi:include without href%s%s", "", "");
            return;
        }
        XML_Parser saved = s->xp;
        int r = parse_doc(s, href);
        s->xp = saved;
        if (r < 0 && saved)
            XML_StopParser(saved, XML_FALSE);
    }
}

static void XMLCALL on_end(void *ud, const XML_Char *el)
{
    struct pstate *s = ud;
    if (!strcmp(el, "architecture"))
        s->in_arch = 0;
}

static void XMLCALL on_text(void *ud, const XML_Char *txt, int len)
{
    struct pstate *s = ud;
    if (!s->in_arch)
        return;
    size_t have = strlen(s->t->arch);
    for (int i = 0; i < len && have + 1 < sizeof s->t->arch; i++)
        if (txt[i] != ' ' && txt[i] != '\n' && txt[i] != '\t' && txt[i] != '\r')
            s->t->arch[have++] = txt[i];
    s->t->arch[have] = 0;
}

static void keep_doc(struct tdesc *t, const char *annex, char *text)
{
    char **g = realloc(t->docs, (size_t)(2 * t->ndocs + 3) * sizeof *g);
    if (!g) {
        free(text);
        return;
    }
    t->docs = g;
    t->docs[2 * t->ndocs] = strdup(annex);
    t->docs[2 * t->ndocs + 1] = text;
    t->ndocs++;
    t->docs[2 * t->ndocs] = NULL;
}

static int parse_doc(struct pstate *s, const char *annex)
{
    if (s->depth >= MAX_DEPTH) {
        fail(s, "%s: includes nested too deeply%s", annex, "");
        return -1;
    }
    char *text = NULL, ferr[256];
    if (s->fetch(s->ctx, annex, &text, ferr, sizeof ferr) < 0) {
        fail(s, "%s: %s", annex, ferr);
        return -1;
    }
    keep_doc(s->t, annex, text);
    XML_Parser xp = XML_ParserCreate(NULL); /* not namespace-aware: stubs use xi: without declaring it */
    if (!xp) {
        fail(s, "out of memory%s%s", "", "");
        return -1;
    }
    XML_SetUserData(xp, s);
    XML_SetElementHandler(xp, on_start, on_end);
    XML_SetCharacterDataHandler(xp, on_text);
    s->xp = xp;
    s->depth++;
    enum XML_Status st = XML_Parse(xp, text, (int)strlen(text), XML_TRUE);
    s->depth--;
    if (st == XML_STATUS_ERROR && !s->failed) {
        char where[128];
        snprintf(where, sizeof where, "%s at line %lu, column %lu", XML_ErrorString(XML_GetErrorCode(xp)),
                 (unsigned long)XML_GetCurrentLineNumber(xp), (unsigned long)XML_GetCurrentColumnNumber(xp));
        s->xp = NULL;
        fail(s, "%s is not valid XML: %s", annex, where);
    }
    XML_ParserFree(xp);
    s->xp = NULL;
    return s->failed ? -1 : 0;
}

int tdesc_load(struct tdesc *t, tdesc_fetch_fn fetch, void *ctx, char *err, size_t errsz)
{
    memset(t, 0, sizeof *t);
    struct pstate s = {.t = t, .fetch = fetch, .ctx = ctx, .err = err, .errsz = errsz};
    if (parse_doc(&s, "target.xml") < 0)
        return -1;
    if (!t->nregs) {
        snprintf(err, errsz, "target.xml describes no registers");
        return -1;
    }
    return 0;
}

void tdesc_free(struct tdesc *t)
{
    for (int i = 0; t->docs && t->docs[i]; i++)
        free(t->docs[i]);
    free(t->docs);
    free(t->regs);
    memset(t, 0, sizeof *t);
}

const struct tdesc_reg *tdesc_find(const struct tdesc *t, const char *name)
{
    for (int i = 0; i < t->nregs; i++)
        if (!strcmp(t->regs[i].name, name))
            return &t->regs[i];
    return NULL;
}
