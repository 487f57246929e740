/*
 * bare.c — the reference cost zhclaims is measured against (Scripts/bench.py): read every file under
 * the given folders, scan it once with a PCRE2 JIT pattern for numerals, and split it into sentences
 * with ICU. Nothing else: no decoding fallbacks, no rules, no output. Prints files, bytes, matches,
 * sentences and seconds as one JSON line.
 *
 * With --words first, it also segments all of the text into words with ICU (its dictionary for
 * Chinese): the cost that Scripts/bench.py scales by the share of the text zhclaims segments.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <dirent.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

static pcre2_code *re;
static pcre2_match_data *md;
static UBreakIterator *brk, *wordBrk;
static long long files, bytes, matches, sentences, words;
static UChar *u16; static int32_t u16cap;

static void scan(const char *buf, size_t len) {
    size_t off = 0;
    while (off <= len && pcre2_jit_match(re, (PCRE2_SPTR)buf, len, off, PCRE2_NO_UTF_CHECK, md, NULL) > 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        matches++;
        off = ov[1] > off ? ov[1] : off + 1;
    }
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = 0;
    u_strFromUTF8Lenient(u16, u16cap, &n, buf, (int32_t)len, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR || n > u16cap) {
        u16cap = n + 1024; u16 = realloc(u16, sizeof(UChar) * u16cap); err = U_ZERO_ERROR;
        u_strFromUTF8Lenient(u16, u16cap, &n, buf, (int32_t)len, &err);
    }
    ubrk_setText(brk, u16, n, &err);
    for (int32_t p = ubrk_first(brk); p != UBRK_DONE; p = ubrk_next(brk)) sentences++;
    if (wordBrk) {
        ubrk_setText(wordBrk, u16, n, &err);
        for (int32_t p = ubrk_first(wordBrk); p != UBRK_DONE; p = ubrk_next(wordBrk)) words++;
    }
}

static void walk(const char *path) {
    struct stat st;
    if (stat(path, &st) != 0) return;
    if (S_ISDIR(st.st_mode)) {
        struct dirent **names; int n = scandir(path, &names, NULL, alphasort);
        for (int i = 0; i < n; i++) {
            if (names[i]->d_name[0] != '.') {
                char child[4096]; snprintf(child, sizeof child, "%s/%s", path, names[i]->d_name);
                walk(child);
            }
            free(names[i]);
        }
        free(names);
        return;
    }
    FILE *f = fopen(path, "rb"); if (!f) return;
    char *buf = malloc(st.st_size + 1);
    size_t len = fread(buf, 1, st.st_size, f); fclose(f);
    files++; bytes += len;
    scan(buf, len);
    free(buf);
}

int main(int argc, char **argv) {
    int errcode; PCRE2_SIZE erroff;
    const char *pattern = "[0-9０-９〇一二三四五六七八九十百千万亿两零]+";
    re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP, &errcode, &erroff, NULL);
    if (!re || pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) != 0) { fprintf(stderr, "pcre2 setup failed\n"); return 2; }
    md = pcre2_match_data_create_from_pattern(re, NULL);
    UErrorCode err = U_ZERO_ERROR;
    brk = ubrk_open(UBRK_SENTENCE, "zh", NULL, 0, &err);
    if (U_FAILURE(err)) { fprintf(stderr, "ubrk_open: %s\n", u_errorName(err)); return 2; }
    int first = 1;
    if (argc > 1 && strcmp(argv[1], "--words") == 0) {
        wordBrk = ubrk_open(UBRK_WORD, "zh", NULL, 0, &err);
        if (U_FAILURE(err)) { fprintf(stderr, "ubrk_open: %s\n", u_errorName(err)); return 2; }
        first = 2;
    }
    struct timespec a, b; clock_gettime(CLOCK_MONOTONIC, &a);
    for (int i = first; i < argc; i++) walk(argv[i]);
    clock_gettime(CLOCK_MONOTONIC, &b);
    double secs = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
    printf("{\"files\":%lld,\"bytes\":%lld,\"matches\":%lld,\"sentences\":%lld,\"words\":%lld,\"seconds\":%.3f}\n",
           files, bytes, matches, sentences, words, secs);
    return 0;
}
