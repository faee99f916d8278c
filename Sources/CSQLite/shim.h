#ifndef EVIDENCE_CSQLITE_SHIM_H
#define EVIDENCE_CSQLITE_SHIM_H
#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro around a cast of -1 to a function pointer,
// which Swift cannot import. Expose it as a function.
static inline sqlite3_destructor_type evidence_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}
#endif
