#ifndef PUBGATE_CCMARKGFM_SHIM_H
#define PUBGATE_CCMARKGFM_SHIM_H
/* cmark-gfm and its GitHub extensions (tables, strikethrough, autolinks, task lists), as Debian's
   libcmark-gfm-dev and libcmark-gfm-extensions-dev install them. */
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
#endif
