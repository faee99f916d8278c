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

#endif
