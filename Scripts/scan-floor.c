/* The scan floor of Scripts/bench-instructions.sh: Vectorscan and PCRE2 doing what pubgate's scan
 * asks of them and nothing else. Its input is what pubgate's scan stage saw (PUBGATE_SCAN_CORPUS=DIR:
 * each normalized text, the rules that apply to its document, DIR/rules.tsv with each rule's
 * prefilter expression, keywords, PCRE2 pattern and confirmation), so both count the same bytes,
 * patterns and rules. Per text: the prefilter pass(es) of the layout named, then for each rule that
 * applies, has a hit and a keyword present, PCRE2 (JIT) over the rule's confirmation windows —
 * N bytes before each hit (w:N), back over N+1 line breaks (l:N), or the whole text (d, u), each
 * window searched from where the previous match ended, as PCRE2Regex does. No validators, context
 * words, findings or masking.
 * Layouts (the database(s) one text is scanned with):
 *   one    every rule and keyword in one database, one scan of the text
 *   ascii  rules that can match non-ASCII text and the keywords over the text, rules whose
 *          matches are all ASCII over the text's ASCII runs (as pubgate's Prefilter does)
 *   three  the same, the keywords in a third database of their own
 *   scan-floor compile LAYOUT RULES.tsv DB       (compile and serialize DB.*: not counted)
 *   scan-floor run LAYOUT RULES.tsv DB TEXT...   (prints texts, bytes, hits, confirmed matches)
 * Only measure() is counted (callgrind --toggle-collect=measure): reading files and compiling the
 * PCRE2 patterns stay outside, as they are outside pubgate's scan stage.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <hs/hs.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { WINDOWS, LINES, WHOLE };
typedef struct { char *expr; unsigned flags; char *pattern; unsigned options; int keywords, ascii, mode; long bound; } rule_t;
typedef struct { unsigned id; size_t end; } hit_t;
typedef struct { hit_t *hits; size_t count, capacity; const size_t *runStart, *runText; size_t runs; } hits_t;

static rule_t *rules; static int nrules;
static char **keywords; static int *keywordRule; static int nkeywords;
/* Databases: 0 the text's (non-ASCII rules, and keywords unless layout three), 1 the ASCII runs'
 * (ASCII rules; in layout one everything is in 0), 2 the keywords' (layout three). */
static hs_database_t *db[3]; static hs_scratch_t *scratch;
static long asciiMinWidth = 1 << 30;

static char *unhex(const char *s, size_t n) {
    char *out = malloc(n / 2 + 1);
    for (size_t i = 0; i < n / 2; i++) { unsigned v; sscanf(s + 2 * i, "%2x", &v); out[i] = (char)v; }
    out[n / 2] = 0;
    return out;
}

static void load_rules(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) { perror(path); exit(2); }
    char *line = NULL; size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        char *field[8]; int n = 0;
        for (char *p = strtok(line, "\t\n"); p && n < 8; p = strtok(NULL, "\t\n")) field[n++] = p;
        if (n < 8) { fprintf(stderr, "%s: a line without 8 fields\n", path); exit(2); }
        rules = realloc(rules, sizeof(rule_t) * (size_t)(nrules + 1));
        rule_t *r = &rules[nrules];
        r->expr = unhex(field[1], strlen(field[1]));
        r->flags = (unsigned)strtoul(field[2], NULL, 10);
        r->pattern = unhex(field[3], strlen(field[3]));
        r->options = (unsigned)strtoul(field[4], NULL, 10);
        r->ascii = field[6][0] == '1';
        r->mode = field[7][0] == 'w' ? WINDOWS : field[7][0] == 'l' ? LINES : WHOLE;
        r->bound = r->mode == WHOLE ? -1 : strtol(field[7] + 2, NULL, 10);
        r->keywords = 0;
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

/* Which database a rule (r < nrules) or keyword (r >= nrules) goes to in `layout`. */
static int database_of(const char *layout, int r) {
    if (strcmp(layout, "one") == 0) return 0;
    if (r >= nrules) return strcmp(layout, "three") == 0 ? 2 : 0;
    return rules[r].ascii ? 1 : 0;
}

static void compile_databases(const char *layout, const char *prefix) {
    for (int d = 0; d < 3; d++) {
        int n = 0;
        const char **exprs = malloc(sizeof(char *) * (size_t)(nrules + nkeywords));
        unsigned *flags = malloc(sizeof(unsigned) * (size_t)(nrules + nkeywords)), *ids = malloc(sizeof(unsigned) * (size_t)(nrules + nkeywords));
        for (int i = 0; i < nrules + nkeywords; i++) {
            if (database_of(layout, i) != d) continue;
            if (i < nrules) {
                hs_expr_info_t *info = NULL; hs_compile_error_t *error = NULL;
                if (hs_expression_info(rules[i].expr, rules[i].flags, &info, &error) != HS_SUCCESS) { hs_free_compile_error(error); continue; }
                int empty = info->min_width == 0;
                free(info);
                if (empty) continue;
                exprs[n] = rules[i].expr; flags[n] = rules[i].flags;
            } else {
                exprs[n] = keywords[i - nrules]; flags[n] = HS_FLAG_SINGLEMATCH;
            }
            ids[n++] = (unsigned)i;
        }
        if (n == 0) continue;
        hs_database_t *built = NULL; hs_compile_error_t *error = NULL;
        if (hs_compile_multi(exprs, flags, ids, (unsigned)n, HS_MODE_BLOCK, NULL, &built, &error) != HS_SUCCESS) {
            fprintf(stderr, "compile: %s (expression %d)\n", error->message, error->expression);
            exit(2);
        }
        char *bytes, path[4096]; size_t length;
        hs_serialize_database(built, &bytes, &length);
        snprintf(path, sizeof path, "%s.%d", prefix, d);
        FILE *f = fopen(path, "wb");
        fwrite(bytes, 1, length, f);
        fclose(f);
    }
}

static int on_hit(unsigned id, unsigned long long from, unsigned long long to, unsigned flags, void *context) {
    (void)from; (void)flags;
    hits_t *h = context;
    size_t end = (size_t)to;
    if (h->runs) {
        /* A hit in the ASCII runs' buffer: back to the text (binary search over the runs). */
        size_t lo = 0, hi = h->runs - 1;
        while (lo < hi) { size_t mid = (lo + hi + 1) / 2; if (h->runStart[mid] <= end - 1) lo = mid; else hi = mid - 1; }
        end = h->runText[lo] + (end - h->runStart[lo]);
    }
    if (h->count == h->capacity) { h->capacity = h->capacity ? 2 * h->capacity : 256; h->hits = realloc(h->hits, sizeof(hit_t) * h->capacity); }
    h->hits[h->count++] = (hit_t){ id, end };
    return 0;
}

static pcre2_code **codes; static pcre2_match_data **data; static pcre2_match_context *mctx;
static char **texts; static size_t *lengths; static char **applies; static int ntexts;
static unsigned long long nhits, nmatches;

/* Matches of rule r starting in [from, limit] (limit < 0: anywhere); returns where to resume. */
static size_t confirm(int r, const char *text, size_t length, size_t from, long limit) {
    if (limit >= 0) pcre2_set_offset_limit(mctx, (size_t)limit);
    size_t offset = from;
    while (offset <= length && (limit < 0 || offset <= (size_t)limit)) {
        int rc = pcre2_match(codes[r], (PCRE2_SPTR)text, length, offset, PCRE2_NO_UTF_CHECK, data[r], mctx);
        if (rc < 0) break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(data[r]);
        nmatches++;
        if (ov[1] > ov[0]) { offset = ov[1]; continue; }
        offset = ov[1] + 1;
        while (offset < length && ((unsigned char)text[offset] & 0xC0) == 0x80) offset++;
    }
    return offset;
}

/* Where a window for the hit ending at `end` starts: `bound` bytes back, or after the
 * (bound+1)-th line break back but not before `floor` (the previous window's end). */
static size_t window_start(const rule_t *rule, const char *text, size_t end, size_t floor) {
    if (rule->mode == WINDOWS) return end > (size_t)rule->bound ? end - (size_t)rule->bound : 0;
    size_t start = end;
    long breaks = 0;
    while (start > floor) {
        if (text[start - 1] == '\n' && ++breaks > rule->bound) break;
        start--;
    }
    return start;
}

void measure(void) {
    hits_t h = { 0 };
    char *present = malloc((size_t)nrules);
    char *runs = NULL; size_t *runStart = NULL, *runText = NULL, capacity = 0;
    size_t *first = malloc(sizeof(size_t) * (size_t)(nrules + nkeywords + 1)), *fill = malloc(sizeof(size_t) * (size_t)(nrules + nkeywords + 1)), *ends = NULL, bucketCapacity = 0;
    for (int t = 0; t < ntexts; t++) {
        const char *text = texts[t];
        size_t length = lengths[t];
        h.count = 0;
        if (length == 0) continue;
        h.runs = 0;
        hs_scan(db[0], text, (unsigned)length, 0, scratch, on_hit, &h);
        if (db[2]) hs_scan(db[2], text, (unsigned)length, 0, scratch, on_hit, &h);
        if (db[1]) {
            /* The ASCII runs at least as long as the shortest ASCII match, a line break after each. */
            size_t n = 0, used = 0;
            if (capacity < 2 * length + 2) {
                capacity = 2 * length + 2;
                runs = realloc(runs, capacity); runStart = realloc(runStart, capacity * sizeof(size_t)); runText = realloc(runText, capacity * sizeof(size_t));
            }
            for (size_t i = 0; i < length;) {
                if ((unsigned char)text[i] >= 0x80) { i++; continue; }
                size_t j = i;
                while (j < length && (unsigned char)text[j] < 0x80) j++;
                if ((long)(j - i) >= asciiMinWidth) {
                    runStart[n] = used; runText[n] = i; n++;
                    memcpy(runs + used, text + i, j - i); used += j - i; runs[used++] = '\n';
                }
                i = j;
            }
            h.runStart = runStart; h.runText = runText; h.runs = n;
            if (used) hs_scan(db[1], runs, (unsigned)used, 0, scratch, on_hit, &h);
            h.runs = 0;
        }
        nhits += h.count;
        /* The hits bucketed by rule (Vectorscan reports them by end offset, so each bucket is in order). */
        memset(first, 0, sizeof(size_t) * (size_t)(nrules + nkeywords + 1));
        for (size_t i = 0; i < h.count; i++) first[h.hits[i].id + 1]++;
        for (int r = 0; r < nrules + nkeywords; r++) first[r + 1] += first[r];
        if (bucketCapacity < h.count) { bucketCapacity = h.count; ends = realloc(ends, sizeof(size_t) * h.count); }
        memcpy(fill, first, sizeof(size_t) * (size_t)(nrules + nkeywords));
        for (size_t i = 0; i < h.count; i++) ends[fill[h.hits[i].id]++] = h.hits[i].end > length ? length : h.hits[i].end;
        for (int r = 0; r < nrules; r++) present[r] = rules[r].keywords == 0;
        for (int k = 0; k < nkeywords; k++) if (first[nrules + k + 1] > first[nrules + k]) present[keywordRule[k]] = 1;
        for (int r = 0; r < nrules; r++) {
            size_t i = first[r], j = first[r + 1];
            if (i == j || !present[r] || !applies[t][r]) continue;
            for (size_t k = i + 1; k < j; k++)  /* insertion sort: a no-op on ordered hits */
                for (size_t m = k; m > i && ends[m - 1] > ends[m]; m--) { size_t x = ends[m]; ends[m] = ends[m - 1]; ends[m - 1] = x; }
            const rule_t *rule = &rules[r];
            if (rule->mode == WHOLE) { confirm(r, text, length, 0, -1); continue; }
            /* Windows merged as pubgate merges them, each searched from where the last match ended. */
            size_t resume = 0, lo = 0, hi = 0;
            int open = 0;
            for (size_t k = i; k < j; k++) {
                size_t start = window_start(rule, text, ends[k], open ? hi : 0);
                if (open && start <= hi + 1) { if (ends[k] > hi) hi = ends[k]; continue; }
                if (open && hi >= resume) resume = confirm(r, text, length, lo > resume ? lo : resume, (long)hi);
                lo = start; hi = ends[k]; open = 1;
            }
            if (open && hi >= resume) confirm(r, text, length, lo > resume ? lo : resume, (long)hi);
        }
    }
    free(present); free(runs); free(runStart); free(runText); free(h.hits); free(first); free(fill); free(ends);
}

static char *read_all(const char *path, size_t *length) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(2); }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *bytes = malloc((size_t)n + 1);
    if (fread(bytes, 1, (size_t)n, f) != (size_t)n) { perror(path); exit(2); }
    bytes[n] = 0;
    fclose(f);
    *length = (size_t)n;
    return bytes;
}

int main(int argc, char **argv) {
    if (argc == 5 && strcmp(argv[1], "compile") == 0) { load_rules(argv[3]); compile_databases(argv[2], argv[4]); return 0; }
    if (argc < 5 || strcmp(argv[1], "run") != 0) {
        fprintf(stderr, "usage: scan-floor compile LAYOUT RULES.tsv DB | scan-floor run LAYOUT RULES.tsv DB TEXT...\n");
        return 64;
    }
    load_rules(argv[3]);
    for (int d = 0; d < 3; d++) {
        char path[4096]; size_t dblen;
        snprintf(path, sizeof path, "%s.%d", argv[4], d);
        FILE *probe = fopen(path, "rb");
        if (!probe) continue;
        fclose(probe);
        char *serialized = read_all(path, &dblen);
        if (hs_deserialize_database(serialized, dblen, &db[d]) != HS_SUCCESS || hs_alloc_scratch(db[d], &scratch) != HS_SUCCESS) {
            fprintf(stderr, "cannot load %s\n", path);
            return 2;
        }
    }
    if (!db[0]) { fprintf(stderr, "no database %s.0\n", argv[4]); return 2; }
    codes = calloc((size_t)nrules, sizeof(*codes)); data = calloc((size_t)nrules, sizeof(*data));
    mctx = pcre2_match_context_create(NULL);
    for (int r = 0; r < nrules; r++) {
        int error; PCRE2_SIZE offset;
        codes[r] = pcre2_compile((PCRE2_SPTR)rules[r].pattern, PCRE2_ZERO_TERMINATED, rules[r].options | PCRE2_UTF, &error, &offset, NULL);
        if (!codes[r]) { fprintf(stderr, "rule %d does not compile\n", r); return 2; }
        pcre2_jit_compile(codes[r], PCRE2_JIT_COMPLETE);
        data[r] = pcre2_match_data_create_from_pattern(codes[r], NULL);
        hs_expr_info_t *info = NULL; hs_compile_error_t *herror = NULL;
        if (rules[r].ascii && hs_expression_info(rules[r].expr, rules[r].flags, &info, &herror) == HS_SUCCESS) {
            if ((long)info->min_width < asciiMinWidth && info->min_width > 0) asciiMinWidth = (long)info->min_width;
            free(info);
        }
    }
    if (asciiMinWidth == 1 << 30) asciiMinWidth = 1;
    ntexts = argc - 5;
    texts = malloc(sizeof(char *) * (size_t)ntexts); lengths = malloc(sizeof(size_t) * (size_t)ntexts); applies = malloc(sizeof(char *) * (size_t)ntexts);
    size_t bytes = 0;
    for (int t = 0; t < ntexts; t++) {
        const char *path = argv[t + 5];
        texts[t] = read_all(path, &lengths[t]);
        bytes += lengths[t];
        /* NNNNNN.txt -> NNNNNN.rules: the indexes of the rules that apply to the document. */
        char rulesPath[4096]; size_t n, stem = strlen(path) > 4 ? strlen(path) - 4 : strlen(path);
        snprintf(rulesPath, sizeof rulesPath, "%.*s.rules", (int)stem, path);
        char *list = read_all(rulesPath, &n);
        applies[t] = calloc((size_t)nrules, 1);
        for (char *p = strtok(list, " \n"); p; p = strtok(NULL, " \n")) { int r = atoi(p); if (r >= 0 && r < nrules) applies[t][r] = 1; }
        free(list);
    }
    measure();
    printf("%d texts, %zu bytes, %llu hits, %llu matches\n", ntexts, bytes, nhits, nmatches);
    return 0;
}
