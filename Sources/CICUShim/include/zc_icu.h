/*
 * zc_icu.h — the thin C shim between zhclaims and the system ICU (libicu-dev).
 *
 * Why a shim: on Linux `import Foundation` loads the toolchain's private ICU, whose headers clash
 * with the system's; and ICU's symbols carry a version suffix (ubrk_open_72). This header exposes
 * only plain C types and `zc_icu_`-prefixed names; only zc_icu.c includes <unicode/...>.
 * Every call reports failure through an `int32_t *status` holding ICU's UErrorCode value
 * (0 = success, negative = warning, positive = error); `zc_icu_error_name` names it.
 */
#ifndef ZC_ICU_H
#define ZC_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** What a breaker splits text into. */
typedef enum { ZC_ICU_BREAK_SENTENCE = 0, ZC_ICU_BREAK_WORD = 1 } zc_icu_break_kind;

/** An opaque break iterator; one per thread (ICU break iterators are not thread-safe). */
typedef struct zc_icu_breaker zc_icu_breaker;

/** Opens a break iterator for the root locale ("zh" dictionary segmentation is in root). */
zc_icu_breaker *zc_icu_breaker_open(zc_icu_break_kind kind, int32_t *status);
void zc_icu_breaker_close(zc_icu_breaker *breaker);

/**
 * Writes the boundaries of `text` (UTF-16, `length` units) into `out`, at most `capacity`, in
 * increasing order, excluding 0 and including `length`. Returns the number of boundaries
 * (which may exceed `capacity`: call again with a larger buffer).
 * For word breaks, `statuses` (may be NULL) receives each segment's rule status
 * (0 = none/punctuation, 100 = number, 200 = letter, 300 = kana, 400 = ideographic).
 */
int32_t zc_icu_breaks(zc_icu_breaker *breaker, const uint16_t *text, int32_t length,
                      int32_t *out, int32_t *statuses, int32_t capacity, int32_t *status);

/**
 * Decodes bytes in the named charset (an ICU converter name such as "GB18030", "Big5",
 * "UTF-16LE") into UTF-16. Returns the number of UTF-16 units needed (call again with a larger
 * buffer when it exceeds `capacity`). With `strict` nonzero, an illegal or unmappable byte
 * sequence fails with status U_ILLEGAL_CHAR_FOUND / U_INVALID_CHAR_FOUND; otherwise it becomes
 * U+FFFD and `*substitutions` counts it.
 */
int32_t zc_icu_decode(const char *charset, const char *bytes, int32_t length, int strict,
                      uint16_t *out, int32_t capacity, int32_t *substitutions, int32_t *status);

/**
 * Guesses the charset of `bytes` with ICU's detector. Copies the name into `name` (NUL-terminated,
 * at most `capacity` bytes) and returns the detector's confidence (0–100), or -1 on failure.
 */
int32_t zc_icu_detect(const char *bytes, int32_t length, char *name, int32_t capacity, int32_t *status);

/** ICU's name for a status code, e.g. "U_BUFFER_OVERFLOW_ERROR". */
const char *zc_icu_error_name(int32_t status);

/** Status values the Swift side needs to recognise. */
int32_t zc_icu_status_buffer_overflow(void);
int32_t zc_icu_status_zero_error(void);

#ifdef __cplusplus
}
#endif
#endif
