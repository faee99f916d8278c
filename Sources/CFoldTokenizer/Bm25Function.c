#include "FoldTokenizer.h"

#include <math.h>
#include <stdlib.h>

/*
 * evidence_bm25(fts, w0, ..., wC-1, n0, ..., nP-1): FTS5's bm25 (k1 = 1.2, b = 0.75,
 * column weights w, idf floored at 1e-6) with each phrase's document count n given by the
 * caller instead of counted.
 *
 * The built-in bm25() learns each phrase's document count by walking the phrase's whole
 * doclist (xQueryPhrase) the first time it runs in a statement; for a query restricted to a
 * few rows, that walk is nearly all of its cost. Callers that already know the counts (the
 * term impact lists store them) pass them here. The row count and the mean row length come
 * from xRowCount and xColumnTotalSize (FTS5's stored totals, no walk), and the per-row part
 * is the built-in's: weighted phrase frequencies from the row's instances, the row length
 * from xColumnSize. Weights are read as the built-in reads them (a NULL weight is 0); a
 * missing or NULL count makes the function fail (it cannot be guessed).
 *
 * The result is the built-in's score, negative (smaller is better).
 */

typedef struct Bm25Totals {
    double rows;
    double averageLength;
} Bm25Totals;

static void bm25_totals_free(void *pointer) { sqlite3_free(pointer); }

static int bm25_totals(const Fts5ExtensionApi *api, Fts5Context *fts, Bm25Totals **result) {
    Bm25Totals *totals = (Bm25Totals *)api->xGetAuxdata(fts, 0);
    if (totals == NULL) {
        sqlite3_int64 rows = 0, tokens = 0;
        int code = api->xRowCount(fts, &rows);
        if (code == SQLITE_OK) code = api->xColumnTotalSize(fts, -1, &tokens);
        if (code != SQLITE_OK) return code;
        totals = (Bm25Totals *)sqlite3_malloc(sizeof(Bm25Totals));
        if (totals == NULL) return SQLITE_NOMEM;
        totals->rows = (double)rows;
        totals->averageLength = rows > 0 ? (double)tokens / (double)rows : 0.0;
        code = api->xSetAuxdata(fts, totals, bm25_totals_free);
        if (code != SQLITE_OK) return code;
    }
    *result = totals;
    return SQLITE_OK;
}

#define BM25_STACK_PHRASES 16

/*
 * The current row's score (negative, as bm25()): `weights` holds one value per column,
 * `counts` one document count per phrase. Returns an SQLite result code; SQLITE_MISUSE for
 * a NULL count.
 */
static int bm25_row_score(const Fts5ExtensionApi *api, Fts5Context *fts, const Bm25Totals *totals, int columns, int phrases,
                          sqlite3_value **weights, sqlite3_value **counts, double *result) {
    const double k1 = 1.2, b = 0.75;
    (void)columns;
    double stackFrequencies[BM25_STACK_PHRASES];
    double *frequencies = stackFrequencies;
    if (phrases > BM25_STACK_PHRASES) {
        frequencies = (double *)sqlite3_malloc64(sizeof(double) * (sqlite3_uint64)phrases);
        if (frequencies == NULL) return SQLITE_NOMEM;
    }
    for (int i = 0; i < phrases; i++) frequencies[i] = 0.0;

    int instances = 0;
    int code = api->xInstCount(fts, &instances);
    for (int i = 0; code == SQLITE_OK && i < instances; i++) {
        int phrase = 0, column = 0, offset = 0;
        code = api->xInst(fts, i, &phrase, &column, &offset);
        if (code != SQLITE_OK) break;
        /* As the built-in: a weight is the argument's numeric value (NULL counts 0). */
        frequencies[phrase] += sqlite3_value_double(weights[column]);
    }
    int length = 0;
    if (code == SQLITE_OK) code = api->xColumnSize(fts, -1, &length);
    double score = 0.0;
    if (code == SQLITE_OK) {
        double lengthFactor = k1 * (1.0 - b + b * (double)length / totals->averageLength);
        for (int i = 0; i < phrases; i++) {
            if (sqlite3_value_type(counts[i]) == SQLITE_NULL) {
                code = SQLITE_MISUSE;
                break;
            }
            double documents = sqlite3_value_double(counts[i]);
            double idf = log((totals->rows - documents + 0.5) / (documents + 0.5));
            if (idf <= 0.0) idf = 1e-6;
            score += idf * ((frequencies[i] * (k1 + 1.0)) / (frequencies[i] + lengthFactor));
        }
    }
    if (frequencies != stackFrequencies) sqlite3_free(frequencies);
    *result = -1.0 * score;
    return code;
}

static void bm25_report(sqlite3_context *context, int code, const char *name) {
    if (code == SQLITE_MISUSE) {
        char *message = sqlite3_mprintf("%s: a phrase's document count is NULL", name);
        sqlite3_result_error(context, message, -1);
        sqlite3_free(message);
    } else if (code == SQLITE_NOMEM) {
        sqlite3_result_error_nomem(context);
    } else {
        sqlite3_result_error_code(context, code);
    }
}

static void evidence_bm25(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context,
                          int argumentCount, sqlite3_value **arguments) {
    int columns = api->xColumnCount(fts);
    int phrases = api->xPhraseCount(fts);
    if (argumentCount < columns + phrases) {
        sqlite3_result_error(context, "evidence_bm25: expected one weight per column, then one document count per phrase", -1);
        return;
    }
    Bm25Totals *totals = NULL;
    int code = bm25_totals(api, fts, &totals);
    double score = 0.0;
    if (code == SQLITE_OK) code = bm25_row_score(api, fts, totals, columns, phrases, arguments, arguments + columns, &score);
    if (code == SQLITE_OK) {
        sqlite3_result_double(context, score);
    } else {
        bm25_report(context, code, "evidence_bm25");
    }
}

/*
 * evidence_collect(fts, collector, w0, ..., wC-1, n0, ..., nP-1): counts the row in the
 * collector (bound with evidence_bind_collector) and, when the row is one of its candidates,
 * stores the row's evidence_bm25 score in the candidate's slot. Always 0, so that
 * `SELECT rowid FROM fts WHERE fts MATCH ? AND evidence_collect(fts, ?, ...)` walks the hits
 * once and returns none: the collector holds the total and the candidates' exact scores.
 * (Returning 1 under a `count(*)` measured ~4% slower at 1M: one aggregate step per hit.)
 *
 * FTS5 returns rows in ascending rowid order (unless ORDER BY rowid DESC), so the candidate
 * cursor only moves forward; a row below the cursor's last position falls back to a binary
 * search.
 */
static void evidence_collect(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context,
                             int argumentCount, sqlite3_value **arguments) {
    if (argumentCount < 1) {
        sqlite3_result_error(context, "evidence_collect: expected a collector", -1);
        return;
    }
    evidence_collector *collector = (evidence_collector *)sqlite3_value_pointer(arguments[0], EVIDENCE_COLLECTOR_TYPE);
    if (collector == NULL) {
        sqlite3_result_error(context, "evidence_collect: the collector is not bound", -1);
        return;
    }
    collector->rows += 1;
    sqlite3_int64 rowid = api->xRowid(fts);
    const sqlite3_int64 *candidates = collector->candidates;
    int count = collector->candidate_count;
    int position = collector->position;
    if (position > 0 && position <= count && candidates[position - 1] >= rowid) {
        /* Out of order (or a repeated row): search from the start. */
        int low = 0, high = count;
        while (low < high) {
            int middle = low + (high - low) / 2;
            if (candidates[middle] < rowid) low = middle + 1; else high = middle;
        }
        position = low;
    } else {
        while (position < count && candidates[position] < rowid) position++;
    }
    collector->position = position;
    if (position < count && candidates[position] == rowid) {
        int columns = api->xColumnCount(fts);
        int phrases = api->xPhraseCount(fts);
        if (argumentCount < 1 + columns + phrases) {
            sqlite3_result_error(context, "evidence_collect: expected a collector, one weight per column, then one document count per phrase", -1);
            return;
        }
        Bm25Totals *totals = NULL;
        int code = bm25_totals(api, fts, &totals);
        double score = 0.0;
        if (code == SQLITE_OK) code = bm25_row_score(api, fts, totals, columns, phrases, arguments + 1, arguments + 1 + columns, &score);
        if (code != SQLITE_OK) {
            bm25_report(context, code, "evidence_collect");
            return;
        }
        collector->scores[position] = score;
        collector->scored += 1;
        collector->position = position + 1;
    }
    sqlite3_result_int(context, 0);
}

int evidence_bind_collector(sqlite3_stmt *statement, int index, evidence_collector *collector) {
    return sqlite3_bind_pointer(statement, index, collector, EVIDENCE_COLLECTOR_TYPE, NULL);
}

int evidence_register_bm25(sqlite3 *db) {
    fts5_api *api = evidence_fts5_api(db);
    if (api == NULL) return SQLITE_ERROR;
    int code = api->xCreateFunction(api, "evidence_bm25", NULL, evidence_bm25, NULL);
    if (code == SQLITE_OK) code = api->xCreateFunction(api, "evidence_collect", NULL, evidence_collect, NULL);
    return code;
}
