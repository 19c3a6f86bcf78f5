#ifndef PUBGATE_CICU_SHIM_H
#define PUBGATE_CICU_SHIM_H
/* ICU (Debian libicu-dev) renames every entry point with its version (ubrk_open_72); the macros
 * that map the plain names are not imported into Swift, so the one call pubgate needs is spelt
 * here in C, where they apply. */
#include <unicode/ubrk.h>
#include <unicode/utypes.h>

/* Writes the word boundaries of `text` (UTF-16, `length` units) as UTF-16 offsets into `out`, at
 * most `capacity` of them, using ICU's dictionary-based segmentation for Chinese. Returns how many
 * boundaries there are (more than `capacity` when `out` was too small), or -1 when ICU fails. */
static inline int32_t pubgate_word_boundaries(const UChar *text, int32_t length, int32_t *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_open(UBRK_WORD, "zh", text, length, &status);
    if (U_FAILURE(status) || it == NULL) return -1;
    int32_t count = 0;
    for (int32_t b = ubrk_first(it); b != UBRK_DONE; b = ubrk_next(it)) {
        if (count < capacity) out[count] = b;
        count++;
    }
    ubrk_close(it);
    return count;
}
#endif
