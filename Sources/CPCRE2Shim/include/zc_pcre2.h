/*
 * zc_pcre2.h — the thin C shim between zhclaims and PCRE2 (libpcre2-dev, 8-bit library).
 *
 * Exposes opaque handles and plain C types only; zc_pcre2.c is the only file that includes
 * <pcre2.h>. Patterns are compiled for UTF-8 with Unicode properties and JIT-compiled once;
 * matching always runs under a match limit and a depth limit so that no pattern can hang a run.
 */
#ifndef ZC_PCRE2_H
#define ZC_PCRE2_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct zc_pcre2_pattern zc_pcre2_pattern;   /* compiled code: shareable across threads */
typedef struct zc_pcre2_matcher zc_pcre2_matcher;   /* per-thread match state: match data, context, JIT stack */

/** Result codes the Swift side needs to tell apart (the values are PCRE2's). */
#define ZC_PCRE2_NOMATCH (-1)
#define ZC_PCRE2_MATCHLIMIT (-47)
#define ZC_PCRE2_DEPTHLIMIT (-53)
#define ZC_PCRE2_HEAPLIMIT (-63)
#define ZC_PCRE2_JIT_STACKLIMIT (-46)

/** Compile flags for zc_pcre2_compile. */
#define ZC_PCRE2_CASELESS 1
/** The pattern matches only at the start offset given to zc_pcre2_match (PCRE2_ANCHORED at
 *  compile time: JIT-compiled as such, unlike the match-time option, which JIT does not speed up). */
#define ZC_PCRE2_ANCHORED 2
/** Skip JIT compilation (a pattern kept for its group table, or rarely matched). */
#define ZC_PCRE2_NO_JIT 4

/**
 * Compiles `pattern` (UTF-8, `length` bytes) with UTF and UCP and the ZC_PCRE2_… `flags`, then
 * JIT-compiles it (a failed JIT compile falls back to the interpreter). On failure returns NULL
 * with PCRE2's error code in `*error_code` and the byte offset of the error in `*error_offset`.
 */
zc_pcre2_pattern *zc_pcre2_compile(const char *pattern, size_t length, int flags,
                                   int *error_code, size_t *error_offset);
void zc_pcre2_pattern_free(zc_pcre2_pattern *pattern);

/** Number of capture groups, and the named ones: name (NUL-terminated UTF-8) and group number. */
uint32_t zc_pcre2_capture_count(const zc_pcre2_pattern *pattern);
uint32_t zc_pcre2_name_count(const zc_pcre2_pattern *pattern);
const char *zc_pcre2_name_at(const zc_pcre2_pattern *pattern, uint32_t index, uint32_t *group);
int zc_pcre2_is_jit(const zc_pcre2_pattern *pattern);

/** Per-thread match state sized for patterns with up to `max_captures` groups. */
zc_pcre2_matcher *zc_pcre2_matcher_create(uint32_t max_captures, uint32_t match_limit, uint32_t depth_limit);
void zc_pcre2_matcher_free(zc_pcre2_matcher *matcher);

/**
 * Matches `pattern` against `subject` (UTF-8, `length` bytes, already valid UTF-8) from byte
 * `start`. Returns > 0 on a match (then `zc_pcre2_ovector` holds pairs of byte offsets, unset
 * groups as SIZE_MAX), ZC_PCRE2_NOMATCH, or another negative PCRE2 error (limits included).
 */
int zc_pcre2_match(const zc_pcre2_pattern *pattern, zc_pcre2_matcher *matcher,
                   const unsigned char *subject, size_t length, size_t start);
const size_t *zc_pcre2_ovector(const zc_pcre2_matcher *matcher);

/** PCRE2's message for an error code, into `buffer`; returns its length or a negative code. */
int zc_pcre2_error_message(int code, unsigned char *buffer, size_t capacity);

#ifdef __cplusplus
}
#endif
#endif
