#include "FoldTokenizer.h"

int evidence_register_fold_tokenizer(sqlite3 *db) {
    (void)db;
    return SQLITE_ERROR; /* not implemented yet */
}
