#ifndef PUBGATE_CLIBARCHIVE_SHIM_H
#define PUBGATE_CLIBARCHIVE_SHIM_H
#include <archive.h>
#include <archive_entry.h>
#include <sys/stat.h>

/* The file-type constants are macros of octal expressions Swift does not import. */
static inline unsigned int carchive_regular_file(void) { return AE_IFREG; }
#endif
