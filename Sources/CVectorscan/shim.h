#ifndef PUBGATE_CVECTORSCAN_SHIM_H
#define PUBGATE_CVECTORSCAN_SHIM_H
/* Vectorscan (the maintained Hyperscan fork, Debian's libvectorscan-dev) installs its headers under hs/. */
#include <hs.h>
#endif
