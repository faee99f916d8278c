#ifndef EVIDENCE_CSQLITE_SHIM_H
#define EVIDENCE_CSQLITE_SHIM_H
#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro around a cast of -1 to a function pointer,
// which Swift cannot import. Expose it as a function.
static inline sqlite3_destructor_type evidence_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

// sqlite3_config is variadic, which Swift cannot call. Turning memory statistics off
// removes a global mutex from every SQLite allocation (measurable on bulk ingest). It only
// works before SQLite initialises; afterwards it returns SQLITE_MISUSE and changes nothing.
static inline int evidence_sqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
#endif
