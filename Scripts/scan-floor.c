/* The scan floor of Scripts/bench-instructions.sh: prefilter-and-confirm with nothing else — the
 * rules' patterns in one Vectorscan database (their prefilter expressions and keywords, as pubgate
 * builds them), one hs_scan per text, then PCRE2 (JIT) confirming each rule that has a hit and a
 * keyword present: from maxWidth bytes before each hit up to it when the rule's matches are
 * bounded, over the whole text otherwise. No validators, context words, findings or masking: the
 * work a scan cannot avoid. Its input is what pubgate's scan stage saw (PUBGATE_SCAN_CORPUS=DIR:
 * the normalized texts and DIR/rules.tsv), so both count the same bytes and patterns.
 *   scan-floor compile RULES.tsv DB        (compile and serialize the database: not counted)
 *   scan-floor RULES.tsv DB TEXT...        (prints texts, bytes, hits, confirmed matches)
 * Only measure() is counted (callgrind --toggle-collect=measure): reading files and compiling
 * the PCRE2 patterns stay outside, as they are outside pubgate's scan stage.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <hs/hs.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { char *expr; unsigned flags; char *pattern; unsigned options; int keywords; int firstKeyword; } rule_t;
typedef struct { unsigned id; size_t end; } hit_t;
typedef struct { hit_t *hits; size_t count, capacity; } hits_t;

static rule_t *rules; static int nrules;
static char **keywords; static int *keywordRule; static int nkeywords;

static char *unhex(const char *s, size_t n) {
    char *out = malloc(n / 2 + 1);
    for (size_t i = 0; i < n / 2; i++) { unsigned v; sscanf(s + 2 * i, "%2x", &v); out[i] = (char)v; }
    out[n / 2] = 0;
    return out;
}

/* One rule a line: id, hex expression, flags, hex PCRE2 pattern, PCRE2 options, hex keywords. */
static void load_rules(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) { perror(path); exit(2); }
    char *line = NULL; size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        char *field[6]; int n = 0;
        for (char *p = strtok(line, "\t\n"); p && n < 6; p = strtok(NULL, "\t\n")) field[n++] = p;
        if (n < 6) continue;
        rules = realloc(rules, sizeof(rule_t) * (size_t)(nrules + 1));
        rule_t *r = &rules[nrules];
        r->expr = unhex(field[1], strlen(field[1]));
        r->flags = (unsigned)strtoul(field[2], NULL, 10);
        r->pattern = unhex(field[3], strlen(field[3]));
        r->options = (unsigned)strtoul(field[4], NULL, 10);
        r->keywords = 0; r->firstKeyword = nkeywords;
        if (strcmp(field[5], "-") != 0) {
            for (char *k = field[5]; *k;) {
                size_t len = strcspn(k, ",");
                keywords = realloc(keywords, sizeof(char *) * (size_t)(nkeywords + 1));
                keywordRule = realloc(keywordRule, sizeof(int) * (size_t)(nkeywords + 1));
                /* A keyword as a literal of exact bytes, as pubgate's keyword gate writes it. */
                char *bytes = unhex(k, len), *expr = malloc(strlen(bytes) * 6 + 1), *o = expr;
                for (unsigned char *b = (unsigned char *)bytes; *b; b++) o += sprintf(o, "\\x{%x}", *b);
                free(bytes);
                keywords[nkeywords] = expr; keywordRule[nkeywords] = nrules; nkeywords++; r->keywords++;
                k += len + (k[len] == ',');
            }
        }
        nrules++;
    }
    free(line);
    fclose(f);
}

/* Every rule that Vectorscan compiles on its own, and every keyword, in one database. */
static void compile_database(const char *out) {
    int n = 0;
    const char **exprs = malloc(sizeof(char *) * (size_t)(nrules + nkeywords));
    unsigned *flags = malloc(sizeof(unsigned) * (size_t)(nrules + nkeywords)), *ids = malloc(sizeof(unsigned) * (size_t)(nrules + nkeywords));
    for (int i = 0; i < nrules; i++) {
        hs_expr_info_t *info = NULL; hs_compile_error_t *error = NULL;
        if (hs_expression_info(rules[i].expr, rules[i].flags, &info, &error) != HS_SUCCESS) { hs_free_compile_error(error); continue; }
        int empty = info->min_width == 0;
        free(info);
        if (empty) continue;
        exprs[n] = rules[i].expr; flags[n] = rules[i].flags; ids[n] = (unsigned)i; n++;
    }
    for (int k = 0; k < nkeywords; k++) { exprs[n] = keywords[k]; flags[n] = HS_FLAG_SINGLEMATCH; ids[n] = (unsigned)(nrules + k); n++; }
    hs_database_t *db = NULL; hs_compile_error_t *error = NULL;
    if (hs_compile_multi(exprs, flags, ids, (unsigned)n, HS_MODE_BLOCK, NULL, &db, &error) != HS_SUCCESS) {
        fprintf(stderr, "compile: %s (expression %d)\n", error->message, error->expression);
        exit(2);
    }
    char *bytes; size_t length;
    hs_serialize_database(db, &bytes, &length);
    FILE *f = fopen(out, "wb");
    fwrite(bytes, 1, length, f);
    fclose(f);
}

static int on_hit(unsigned id, unsigned long long from, unsigned long long to, unsigned flags, void *context) {
    (void)from; (void)flags;
    hits_t *h = context;
    if (h->count == h->capacity) { h->capacity = h->capacity ? 2 * h->capacity : 256; h->hits = realloc(h->hits, sizeof(hit_t) * h->capacity); }
    h->hits[h->count++] = (hit_t){ id, (size_t)to };
    return 0;
}

static hs_database_t *db; static hs_scratch_t *scratch;
static pcre2_code **codes; static pcre2_match_data **data; static pcre2_match_context *mctx;
static long *maxWidth; /* -1: unbounded */
static char **texts; static size_t *lengths; static int ntexts;
static unsigned long long nhits, nmatches;

/* Matches of rule r starting in [from, limit] (limit < 0: anywhere); returns where to resume. */
static size_t confirm(int r, const char *text, size_t length, size_t from, long limit) {
    if (limit >= 0) pcre2_set_offset_limit(mctx, (size_t)limit);
    size_t offset = from;
    while (offset <= length && (limit < 0 || offset <= (size_t)limit)) {
        int rc = pcre2_match(codes[r], (PCRE2_SPTR)text, length, offset, PCRE2_NO_UTF_CHECK, data[r], limit >= 0 ? mctx : NULL);
        if (rc < 0) break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(data[r]);
        nmatches++;
        if (ov[1] > ov[0]) { offset = ov[1]; continue; }
        offset = ov[1] + 1;
        while (offset < length && ((unsigned char)text[offset] & 0xC0) == 0x80) offset++;
    }
    return offset;
}

static int by_rule_then_end(const void *a, const void *b) {
    const hit_t *x = a, *y = b;
    if (x->id != y->id) return x->id < y->id ? -1 : 1;
    return x->end < y->end ? -1 : x->end > y->end;
}

void measure(void) {
    hits_t h = { 0 };
    char *present = malloc((size_t)nrules);
    for (int t = 0; t < ntexts; t++) {
        const char *text = texts[t];
        size_t length = lengths[t];
        h.count = 0;
        if (length == 0) continue;
        hs_scan(db, text, (unsigned)length, 0, scratch, on_hit, &h);
        nhits += h.count;
        for (int r = 0; r < nrules; r++) present[r] = rules[r].keywords == 0;
        for (size_t i = 0; i < h.count; i++) if (h.hits[i].id >= (unsigned)nrules) present[keywordRule[h.hits[i].id - (unsigned)nrules]] = 1;
        qsort(h.hits, h.count, sizeof(hit_t), by_rule_then_end);
        for (size_t i = 0; i < h.count;) {
            unsigned r = h.hits[i].id;
            size_t j = i;
            while (j < h.count && h.hits[j].id == r) j++;
            if (r < (unsigned)nrules && present[r]) {
                if (maxWidth[r] < 0) {
                    confirm((int)r, text, length, 0, -1);
                } else {
                    /* Windows [end - maxWidth, end], merged, each searched from where the last match ended. */
                    size_t resume = 0;
                    for (size_t k = i; k < j;) {
                        size_t lo = h.hits[k].end > (size_t)maxWidth[r] ? h.hits[k].end - (size_t)maxWidth[r] : 0, hi = h.hits[k].end;
                        for (k++; k < j; k++) {
                            size_t next = h.hits[k].end > (size_t)maxWidth[r] ? h.hits[k].end - (size_t)maxWidth[r] : 0;
                            if (next > hi + 1) break;
                            if (h.hits[k].end > hi) hi = h.hits[k].end;
                        }
                        if (hi < resume) continue;
                        resume = confirm((int)r, text, length, lo > resume ? lo : resume, (long)hi);
                    }
                }
            }
            i = j;
        }
    }
    free(present);
    free(h.hits);
}

static char *read_all(const char *path, size_t *length) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(2); }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *bytes = malloc((size_t)n + 1);
    if (fread(bytes, 1, (size_t)n, f) != (size_t)n) { perror(path); exit(2); }
    fclose(f);
    *length = (size_t)n;
    return bytes;
}

int main(int argc, char **argv) {
    if (argc == 4 && strcmp(argv[1], "compile") == 0) { load_rules(argv[2]); compile_database(argv[3]); return 0; }
    if (argc < 3) { fprintf(stderr, "usage: scan-floor compile RULES.tsv DB | scan-floor RULES.tsv DB TEXT...\n"); return 64; }
    load_rules(argv[1]);
    size_t dblen;
    char *serialized = read_all(argv[2], &dblen);
    if (hs_deserialize_database(serialized, dblen, &db) != HS_SUCCESS || hs_alloc_scratch(db, &scratch) != HS_SUCCESS) {
        fprintf(stderr, "cannot load %s\n", argv[2]);
        return 2;
    }
    codes = calloc((size_t)nrules, sizeof(*codes)); data = calloc((size_t)nrules, sizeof(*data));
    maxWidth = calloc((size_t)nrules, sizeof(long));
    mctx = pcre2_match_context_create(NULL);
    for (int r = 0; r < nrules; r++) {
        int error; PCRE2_SIZE offset;
        codes[r] = pcre2_compile((PCRE2_SPTR)rules[r].pattern, PCRE2_ZERO_TERMINATED, rules[r].options | PCRE2_UTF, &error, &offset, NULL);
        if (!codes[r]) { fprintf(stderr, "rule %d does not compile\n", r); return 2; }
        pcre2_jit_compile(codes[r], PCRE2_JIT_COMPLETE);
        data[r] = pcre2_match_data_create_from_pattern(codes[r], NULL);
        hs_expr_info_t *info = NULL; hs_compile_error_t *herror = NULL;
        maxWidth[r] = -1;
        if (hs_expression_info(rules[r].expr, rules[r].flags, &info, &herror) == HS_SUCCESS) {
            if (info->max_width != 0xFFFFFFFFu) maxWidth[r] = (long)info->max_width;
            free(info);
        } else {
            hs_free_compile_error(herror);
        }
    }
    ntexts = argc - 3;
    texts = malloc(sizeof(char *) * (size_t)ntexts); lengths = malloc(sizeof(size_t) * (size_t)ntexts);
    size_t bytes = 0;
    for (int t = 0; t < ntexts; t++) { texts[t] = read_all(argv[t + 3], &lengths[t]); bytes += lengths[t]; }
    measure();
    printf("%d texts, %zu bytes, %llu hits, %llu matches\n", ntexts, bytes, nhits, nmatches);
    return 0;
}
