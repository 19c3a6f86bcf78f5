#ifndef PUBGATE_COPENCC_SHIM_H
#define PUBGATE_COPENCC_SHIM_H
/* OpenCC's C interface (Debian libopencc-dev); the configurations and dictionaries come with
   libopencc-data under /usr/share/opencc. */
#include <opencc/opencc.h>
#include <stdint.h>

/* opencc_open reports failure as (opencc_t)-1, a cast Swift cannot write. */
static inline int copencc_is_error(opencc_t handle) { return handle == (opencc_t)-1 || handle == 0; }
#endif
