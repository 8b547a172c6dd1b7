/* What the C suites share: CHECK counting into `passed`/`failed`, the last error text, and
 * reading files of a data folder (`dir`, set by main; unused by suites without one).
 * Header-only; include once per test. */
#ifndef PAYSIGN_TEST_HARNESS_H
#define PAYSIGN_TEST_HARNESS_H
#include "paysign.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;

#define CHECK(cond, ...)                                         \
    do {                                                         \
        if (cond) {                                              \
            passed++;                                            \
        } else {                                                 \
            failed++;                                            \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
            fprintf(stderr, __VA_ARGS__);                        \
            fprintf(stderr, "\n");                               \
        }                                                        \
    } while (0)

static char errbuf[1024];
static const char *err(void) {
    paysign_last_error(errbuf, sizeof errbuf);
    return errbuf;
}

__attribute__((unused)) static const char *dir;

/* The whole file dir/name, NUL-terminated (not counted in *len); exits 2 when unreadable. */
static inline unsigned char *slurp(const char *name, size_t *len) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(2); }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) exit(2);
    fclose(f);
    buf[n] = 0;
    *len = (size_t)n;
    return buf;
}

/* slurp, with the first `replace` (when not NULL) changed to `with`, of the same length: a
 * tampered twin. Exits 2 when `replace` is absent or the lengths differ. */
static inline unsigned char *slurp_twin(const char *name, const char *replace, const char *with, size_t *len) {
    unsigned char *body = slurp(name, len);
    if (replace) {
        char *at = strstr((char *)body, replace);
        if (!at || strlen(replace) != strlen(with)) exit(2);
        memcpy(at, with, strlen(with));
    }
    return body;
}

/* The key file dir/name, no password; exits 2 when it does not load. */
static inline paysign_key *load(const char *name) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    paysign_key *k = NULL;
    paysign_status s = paysign_key_load_file(path, NULL, &k);
    if (s != PAYSIGN_OK) { fprintf(stderr, "%s: %s\n", path, err()); exit(2); }
    return k;
}
#endif
