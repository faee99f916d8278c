#include "FoldTokenizer.h"

#include <string.h>

/*
 * "fold": an FTS5 wrapper tokenizer.
 *
 * It creates the tokenizer named by its first argument (unicode61 with
 * remove_diacritics 2 when given none), and passes each token that tokenizer
 * produces through a callback that folds the Latin letters unicode61 does not
 * decompose: ø→o, ł→l, ı→i, ß→ss, æ→ae, œ→oe, đ→d, ð→d, þ→th (and their upper-case
 * forms, in case the wrapped tokenizer keeps case). The token's start and end
 * offsets are those of the original text, so snippet() and highlight() still work.
 *
 * Every folded form is at most as long as the UTF-8 it replaces, so the folded
 * token never outgrows the original.
 */

typedef struct FoldTokenizer {
    fts5_tokenizer wrapped;        /* the wrapped tokenizer's methods */
    Fts5Tokenizer *wrappedInstance;
} FoldTokenizer;

typedef struct FoldContext {
    void *callerContext;
    int (*callerToken)(void *, int, const char *, int, int, int);
} FoldContext;

/* Returns the ASCII replacement of the UTF-8 sequence at `p` (of `n` bytes left),
 * setting *consumed, or NULL when the sequence is not one we fold. */
static const char *fold_sequence(const unsigned char *p, int n, int *consumed) {
    if (n >= 2 && p[0] == 0xC3) {
        *consumed = 2;
        switch (p[1]) {
        case 0xB8: case 0x98: return "o";   /* ø Ø */
        case 0x9F: return "ss";             /* ß */
        case 0xA6: case 0x86: return "ae";  /* æ Æ */
        case 0xB0: case 0x90: return "d";   /* ð Ð */
        case 0xBE: case 0x9E: return "th";  /* þ Þ */
        default: return NULL;
        }
    }
    if (n >= 2 && p[0] == 0xC4) {
        *consumed = 2;
        switch (p[1]) {
        case 0xB1: return "i";              /* ı */
        case 0x91: case 0x90: return "d";   /* đ Đ */
        default: return NULL;
        }
    }
    if (n >= 2 && p[0] == 0xC5) {
        *consumed = 2;
        switch (p[1]) {
        case 0x82: case 0x81: return "l";   /* ł Ł */
        case 0x93: case 0x92: return "oe";  /* œ Œ */
        default: return NULL;
        }
    }
    if (n >= 3 && p[0] == 0xE1 && p[1] == 0xBA && p[2] == 0x9E) {
        *consumed = 3;
        return "ss";                        /* ẞ */
    }
    return NULL;
}

/* Whether the token holds any byte that can start a folded sequence. */
static int needs_folding(const char *token, int length) {
    for (int i = 0; i < length; i++) {
        unsigned char c = (unsigned char)token[i];
        if (c == 0xC3 || c == 0xC4 || c == 0xC5 || c == 0xE1) return 1;
    }
    return 0;
}

static int fold_token(void *context, int flags, const char *token, int length, int start, int end) {
    FoldContext *fold = (FoldContext *)context;
    if (!needs_folding(token, length)) {
        return fold->callerToken(fold->callerContext, flags, token, length, start, end);
    }
    char stackBuffer[128];
    char *buffer = length <= (int)sizeof(stackBuffer) ? stackBuffer : sqlite3_malloc(length);
    if (buffer == NULL) return SQLITE_NOMEM;
    const unsigned char *p = (const unsigned char *)token;
    int out = 0;
    for (int i = 0; i < length;) {
        int consumed = 0;
        const char *replacement = fold_sequence(p + i, length - i, &consumed);
        if (replacement != NULL) {
            size_t replacementLength = strlen(replacement);
            memcpy(buffer + out, replacement, replacementLength);
            out += (int)replacementLength;
            i += consumed;
        } else {
            buffer[out++] = (char)p[i++];
        }
    }
    int rc = fold->callerToken(fold->callerContext, flags, buffer, out, start, end);
    if (buffer != stackBuffer) sqlite3_free(buffer);
    return rc;
}

static int fold_create(void *userData, const char **arguments, int argumentCount, Fts5Tokenizer **result) {
    fts5_api *api = (fts5_api *)userData;
    static const char *defaultArguments[] = {"remove_diacritics", "2"};
    const char *name = "unicode61";
    const char **wrappedArguments = defaultArguments;
    int wrappedCount = 2;
    if (argumentCount > 0) {
        name = arguments[0];
        wrappedArguments = arguments + 1;
        wrappedCount = argumentCount - 1;
    }
    FoldTokenizer *tokenizer = sqlite3_malloc(sizeof(FoldTokenizer));
    if (tokenizer == NULL) return SQLITE_NOMEM;
    memset(tokenizer, 0, sizeof(FoldTokenizer));
    void *wrappedUserData = NULL;
    int rc = api->xFindTokenizer(api, name, &wrappedUserData, &tokenizer->wrapped);
    if (rc == SQLITE_OK) {
        rc = tokenizer->wrapped.xCreate(wrappedUserData, wrappedArguments, wrappedCount, &tokenizer->wrappedInstance);
    }
    if (rc != SQLITE_OK) {
        sqlite3_free(tokenizer);
        return rc;
    }
    *result = (Fts5Tokenizer *)tokenizer;
    return SQLITE_OK;
}

static void fold_delete(Fts5Tokenizer *instance) {
    FoldTokenizer *tokenizer = (FoldTokenizer *)instance;
    if (tokenizer == NULL) return;
    if (tokenizer->wrappedInstance != NULL) tokenizer->wrapped.xDelete(tokenizer->wrappedInstance);
    sqlite3_free(tokenizer);
}

static int fold_tokenize(Fts5Tokenizer *instance, void *context, int flags, const char *text, int length,
                         int (*token)(void *, int, const char *, int, int, int)) {
    FoldTokenizer *tokenizer = (FoldTokenizer *)instance;
    FoldContext fold = {context, token};
    return tokenizer->wrapped.xTokenize(tokenizer->wrappedInstance, &fold, flags, text, length, fold_token);
}

/* Gets the connection's fts5_api, the documented way (SELECT fts5(?1) with a pointer binding). */
fts5_api *evidence_fts5_api(sqlite3 *db) {
    fts5_api *api = NULL;
    sqlite3_stmt *statement = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, NULL) == SQLITE_OK) {
        sqlite3_bind_pointer(statement, 1, (void *)&api, "fts5_api_ptr", NULL);
        sqlite3_step(statement);
    }
    sqlite3_finalize(statement);
    return api;
}

int evidence_register_fold_tokenizer(sqlite3 *db) {
    fts5_api *api = evidence_fts5_api(db);
    if (api == NULL) return SQLITE_ERROR;
    fts5_tokenizer methods = {fold_create, fold_delete, fold_tokenize};
    return api->xCreateTokenizer(api, "fold", (void *)api, &methods, NULL);
}
