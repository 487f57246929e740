/* zc_icu.c — the only file in zhclaims that includes ICU headers. See zc_icu.h. */
#include "zc_icu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>
#include <unicode/utypes.h>

struct zc_icu_breaker {
    UBreakIterator *iterator;
    zc_icu_break_kind kind;
};

zc_icu_breaker *zc_icu_breaker_open(zc_icu_break_kind kind, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UBreakIteratorType type = kind == ZC_ICU_BREAK_WORD ? UBRK_WORD : UBRK_SENTENCE;
    UBreakIterator *it = ubrk_open(type, "zh", NULL, 0, &err);
    *status = err;
    if (U_FAILURE(err)) return NULL;
    zc_icu_breaker *b = malloc(sizeof *b);
    if (!b) { ubrk_close(it); *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    b->iterator = it;
    b->kind = kind;
    return b;
}

void zc_icu_breaker_close(zc_icu_breaker *breaker) {
    if (!breaker) return;
    ubrk_close(breaker->iterator);
    free(breaker);
}

int32_t zc_icu_breaks(zc_icu_breaker *breaker, const uint16_t *text, int32_t length,
                      int32_t *out, int32_t *statuses, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    ubrk_setText(breaker->iterator, (const UChar *)text, length, &err);
    *status = err;
    if (U_FAILURE(err)) return 0;
    int32_t count = 0;
    for (int32_t pos = ubrk_next(breaker->iterator); pos != UBRK_DONE; pos = ubrk_next(breaker->iterator)) {
        if (count < capacity) {
            out[count] = pos;
            if (statuses) statuses[count] = ubrk_getRuleStatus(breaker->iterator);
        }
        count++;
    }
    /* Detach the text: the caller's buffer may go away before the next call. */
    ubrk_setText(breaker->iterator, NULL, 0, &err);
    return count;
}

int32_t zc_icu_decode(const char *charset, const char *bytes, int32_t length, int strict,
                      uint16_t *out, int32_t capacity, int32_t *substitutions, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(charset, &err);
    if (U_FAILURE(err)) { *status = err; return 0; }
    if (strict) {
        ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
    }
    int32_t n = ucnv_toUChars(cnv, (UChar *)out, capacity, bytes, length, &err);
    if (!strict && substitutions && (U_SUCCESS(err) || err == U_BUFFER_OVERFLOW_ERROR)) {
        /* Count replacement characters produced for bad input (a second cheap pass over the output). */
        int32_t subs = 0;
        if (err != U_BUFFER_OVERFLOW_ERROR) {
            for (int32_t i = 0; i < n; i++) if (out[i] == 0xFFFD) subs++;
        }
        *substitutions = subs;
    }
    ucnv_close(cnv);
    *status = err == U_STRING_NOT_TERMINATED_WARNING ? U_ZERO_ERROR : err;
    return n;
}

int32_t zc_icu_detect(const char *bytes, int32_t length, char *name, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UCharsetDetector *det = ucsdet_open(&err);
    if (U_FAILURE(err)) { *status = err; return -1; }
    ucsdet_setText(det, bytes, length, &err);
    const UCharsetMatch *match = ucsdet_detect(det, &err);
    int32_t confidence = -1;
    if (U_SUCCESS(err) && match) {
        const char *found = ucsdet_getName(match, &err);
        confidence = ucsdet_getConfidence(match, &err);
        if (U_SUCCESS(err) && found && capacity > 0) {
            strncpy(name, found, (size_t)capacity - 1);
            name[capacity - 1] = 0;
        }
    }
    ucsdet_close(det);
    *status = err;
    return U_SUCCESS(err) ? confidence : -1;
}

const char *zc_icu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }
int32_t zc_icu_status_buffer_overflow(void) { return U_BUFFER_OVERFLOW_ERROR; }
int32_t zc_icu_status_zero_error(void) { return U_ZERO_ERROR; }
