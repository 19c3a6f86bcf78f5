#ifndef PUBGATE_CLIBXML2_SHIM_H
#define PUBGATE_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* libxml2's ICU headers clash with Foundation's own ICU module; pubgate never uses libxml2's ICU path. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* xmlFree is a global function pointer; Swift 6 rejects reading a mutable C global. */
static inline void cxml_free(void *p) { xmlFree(p); }

/* Silence libxml2's default error printer: recovered errors are counted, not printed. */
static void cxml_ignore_error(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static inline void cxml_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, cxml_ignore_error);
}
#endif
