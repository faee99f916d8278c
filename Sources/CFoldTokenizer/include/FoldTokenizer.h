#ifndef EVIDENCE_FOLD_TOKENIZER_H
#define EVIDENCE_FOLD_TOKENIZER_H

#include <sqlite3.h>

/// Registers the FTS5 tokenizer "fold" on `db`.
///
/// "fold" wraps another tokenizer (by default `unicode61 remove_diacritics 2`) and
/// folds the letters that unicode61 keeps as they are (ø→o, ł→l, ı→i, ß→ss, æ→ae, œ→oe,
/// đ→d, ð→d, þ→th), so that "ostergaard" matches "Østergaard".
/// Use as `tokenize='porter fold unicode61 remove_diacritics 2'`.
/// Returns an SQLite result code.
int evidence_register_fold_tokenizer(sqlite3 *db);

/// Registers the FTS5 auxiliary function `evidence_bm25` on `db`:
/// `evidence_bm25(fts, w0, ..., wC-1, n0, ..., nP-1)` is FTS5's `bm25(fts, w0, ..., wC-1)`
/// (k1 = 1.2, b = 0.75, idf floored at 1e-6), with each phrase's document count `n` given
/// by the caller instead of counted by a walk of the phrase's doclist. One weight per column
/// (read as bm25 reads them), then one count per phrase of the MATCH expression, in order.
/// Returns an SQLite result code.
int evidence_register_bm25(sqlite3 *db);

/// What `evidence_collect` fills during one walk over a query's hits.
///
/// `evidence_collect(fts, collector, w0, ..., wC-1, n0, ..., nP-1)` (an FTS5 auxiliary
/// function registered by `evidence_register_bm25`) counts every row it is called on in
/// `rows` and, for a row whose rowid is in `candidates` (ascending, `candidate_count` of them),
/// writes its `evidence_bm25(fts, w..., n...)` score (negative) to `scores` at the candidate's
/// index and counts it in `scored`. It returns 0, so in a WHERE clause it lets no row
/// through: `SELECT rowid FROM fts WHERE fts MATCH ? AND evidence_collect(fts, ?, ...)` walks
/// every hit once and returns nothing.
/// Set `rows`, `scored` and `position` to 0 before the walk; `scores` must hold
/// `candidate_count` values (slots of rows not hit are left as they were).
typedef struct evidence_collector {
    const sqlite3_int64 *candidates;
    int candidate_count;
    double *scores;
    sqlite3_int64 rows;
    int scored;
    /// The walk's cursor in `candidates` (FTS5 returns rows in ascending rowid order).
    int position;
} evidence_collector;

/// The pointer type `evidence_collect` accepts (sqlite3_bind_pointer).
#define EVIDENCE_COLLECTOR_TYPE "evidence_collector"

/// Binds `collector` to parameter `index` of `statement` for `evidence_collect`; it must stay
/// valid until the statement is reset or the parameter rebound. Returns an SQLite result code.
int evidence_bind_collector(sqlite3_stmt *statement, int index, evidence_collector *collector);

/// The connection's `fts5_api` (NULL when FTS5 is unavailable).
fts5_api *evidence_fts5_api(sqlite3 *db);

#endif
