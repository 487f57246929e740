/* zc_pcre2.c — the only file in zhclaims that includes <pcre2.h>. See zc_pcre2.h. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "zc_pcre2.h"

#include <pcre2.h>
#include <stdlib.h>

_Static_assert(ZC_PCRE2_NOMATCH == PCRE2_ERROR_NOMATCH, "nomatch");
_Static_assert(ZC_PCRE2_MATCHLIMIT == PCRE2_ERROR_MATCHLIMIT, "matchlimit");
_Static_assert(ZC_PCRE2_DEPTHLIMIT == PCRE2_ERROR_DEPTHLIMIT, "depthlimit");
_Static_assert(ZC_PCRE2_HEAPLIMIT == PCRE2_ERROR_HEAPLIMIT, "heaplimit");
_Static_assert(ZC_PCRE2_JIT_STACKLIMIT == PCRE2_ERROR_JIT_STACKLIMIT, "jitstacklimit");

struct zc_pcre2_pattern {
    pcre2_code *code;
    int jit;
};

struct zc_pcre2_matcher {
    pcre2_match_data *data;
    pcre2_match_context *context;
    pcre2_jit_stack *stack;
};

zc_pcre2_pattern *zc_pcre2_compile(const char *pattern, size_t length, int flags,
                                   int *error_code, size_t *error_offset) {
    /* DUPNAMES: a role may be captured in several alternatives, e.g. (?<minute>…)分|(?<minute>半). */
    uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK | PCRE2_DUPNAMES;
    if (flags & ZC_PCRE2_CASELESS) options |= PCRE2_CASELESS;
    if (flags & ZC_PCRE2_ANCHORED) options |= PCRE2_ANCHORED;
    PCRE2_SIZE offset = 0;
    /* The pattern itself comes from a YAML file and is checked as UTF-8: no NO_UTF_CHECK for it. */
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, length, options & ~PCRE2_NO_UTF_CHECK,
                                     error_code, &offset, NULL);
    *error_offset = offset;
    if (!code) return NULL;
    zc_pcre2_pattern *p = malloc(sizeof *p);
    if (!p) { pcre2_code_free(code); *error_code = PCRE2_ERROR_NOMEMORY; return NULL; }
    p->code = code;
    p->jit = !(flags & ZC_PCRE2_NO_JIT) && pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0;
    return p;
}

void zc_pcre2_pattern_free(zc_pcre2_pattern *pattern) {
    if (!pattern) return;
    pcre2_code_free(pattern->code);
    free(pattern);
}

uint32_t zc_pcre2_capture_count(const zc_pcre2_pattern *pattern) {
    uint32_t n = 0;
    pcre2_pattern_info(pattern->code, PCRE2_INFO_CAPTURECOUNT, &n);
    return n;
}

uint32_t zc_pcre2_name_count(const zc_pcre2_pattern *pattern) {
    uint32_t n = 0;
    pcre2_pattern_info(pattern->code, PCRE2_INFO_NAMECOUNT, &n);
    return n;
}

const char *zc_pcre2_name_at(const zc_pcre2_pattern *pattern, uint32_t index, uint32_t *group) {
    PCRE2_SPTR table = NULL;
    uint32_t entry_size = 0;
    pcre2_pattern_info(pattern->code, PCRE2_INFO_NAMETABLE, &table);
    pcre2_pattern_info(pattern->code, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
    PCRE2_SPTR entry = table + (size_t)index * entry_size;
    *group = ((uint32_t)entry[0] << 8) | entry[1];
    return (const char *)(entry + 2);
}

int zc_pcre2_is_jit(const zc_pcre2_pattern *pattern) { return pattern->jit; }

zc_pcre2_matcher *zc_pcre2_matcher_create(uint32_t max_captures, uint32_t match_limit, uint32_t depth_limit) {
    zc_pcre2_matcher *m = calloc(1, sizeof *m);
    if (!m) return NULL;
    m->data = pcre2_match_data_create(max_captures + 1, NULL);
    m->context = pcre2_match_context_create(NULL);
    m->stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
    if (!m->data || !m->context || !m->stack) { zc_pcre2_matcher_free(m); return NULL; }
    pcre2_set_match_limit(m->context, match_limit);
    pcre2_set_depth_limit(m->context, depth_limit);
    pcre2_set_heap_limit(m->context, 64 * 1024); /* KiB: the interpreter's backtracking memory */
    pcre2_jit_stack_assign(m->context, NULL, m->stack);
    return m;
}

void zc_pcre2_matcher_free(zc_pcre2_matcher *matcher) {
    if (!matcher) return;
    pcre2_match_data_free(matcher->data);
    pcre2_match_context_free(matcher->context);
    pcre2_jit_stack_free(matcher->stack);
    free(matcher);
}

int zc_pcre2_match(const zc_pcre2_pattern *pattern, zc_pcre2_matcher *matcher,
                   const unsigned char *subject, size_t length, size_t start) {
    /* The subject was validated once when it was decoded, so skip PCRE2's per-call UTF check. */
    if (pattern->jit) {
        return pcre2_jit_match(pattern->code, subject, length, start, PCRE2_NO_UTF_CHECK,
                               matcher->data, matcher->context);
    }
    return pcre2_match(pattern->code, subject, length, start, PCRE2_NO_UTF_CHECK,
                       matcher->data, matcher->context);
}

const size_t *zc_pcre2_ovector(const zc_pcre2_matcher *matcher) {
    return pcre2_get_ovector_pointer(matcher->data);
}

int zc_pcre2_error_message(int code, unsigned char *buffer, size_t capacity) {
    return pcre2_get_error_message(code, buffer, capacity);
}
