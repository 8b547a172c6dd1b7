/* The C tests' shared checking: pass/fail counters, CHECK (prints the failing line and a
 * message, keeps going), err() (the last error text) and slurp() (a whole file, NUL added). */
#ifndef PAYSIGN_TEST_CHECK_H
#define PAYSIGN_TEST_CHECK_H

#include "paysign.h"

#include <stdio.h>
#include <stdlib.h>

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
static inline const char *err(void) {
    paysign_last_error(errbuf, sizeof errbuf);
    return errbuf;
}

/* dir/name read whole, with a NUL after the *len bytes; exits 2 when it cannot be read. */
static inline unsigned char *slurp_in(const char *dir, const char *name, size_t *len) {
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

#endif
