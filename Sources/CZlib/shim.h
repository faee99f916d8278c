#ifndef EVIDENCE_CZLIB_SHIM_H
#define EVIDENCE_CZLIB_SHIM_H
#include <zlib.h>
#endif
