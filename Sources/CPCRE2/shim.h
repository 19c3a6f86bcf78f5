#ifndef PUBGATE_CPCRE2_SHIM_H
#define PUBGATE_CPCRE2_SHIM_H
/* The 8-bit library only: generic pcre2_* names are macros Swift cannot import, so Swift calls the _8 names. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* PCRE2_UNSET is a cast macro, which Swift does not import. */
static inline size_t cpcre2_unset(void) { return PCRE2_UNSET; }
#endif
