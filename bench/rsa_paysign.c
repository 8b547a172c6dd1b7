/* The paysign side of bench/compare.sh: the same operations through the C ABI, from the
 * request's fields rather than a prepared sign string (paysign builds the string itself).
 *
 *   rsa_paysign REQUEST_FORM MD5_REQUEST_FORM MD5_SECRET PRIVATE_KEY CERT
 *
 * REQUEST_FORM is the 99bill RSA request as a UTF-8 form, MD5_REQUEST_FORM the MD5 one.
 * Output lines as rsa_openssl: "sig-sha256 <base64>", "sig-sha1 <base64>", then
 * "<operation> <ns per op>", fastest of three rounds of about 0.4 s. Links libpaysign.a. */
#define _POSIX_C_SOURCE 199309L
#include "paysign.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static unsigned char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(2); }
    unsigned char *buf = malloc(1 << 20);
    *len = fread(buf, 1, 1 << 20, f);
    fclose(f);
    return buf;
}

static void check(paysign_status s, const char *what) {
    if (s != PAYSIGN_OK) {
        char err[512];
        paysign_last_error(err, sizeof err);
        fprintf(stderr, "rsa_paysign: %s: %s: %s\n", what, paysign_status_name(s), err);
        exit(1);
    }
}

static paysign_params *request, *md5_request;
static paysign_key *priv, *pub, *secret;
static const char *options;
static char sig[1024];

static void sign_once(void) {
    size_t n;
    check(paysign_sign("99bill.pay.request", options, request, priv, sig, sizeof sig, &n), "paysign_sign");
}

static void verify_once(void) {
    check(paysign_verify("99bill.pay.request", options, request, pub), "paysign_verify");
}

static void md5_once(void) {
    char hex[64];
    size_t n;
    check(paysign_sign("99bill.pay.request", NULL, md5_request, secret, hex, sizeof hex, &n), "paysign_sign md5");
}

static void measure(const char *name, void (*op)(void)) {
    double best = 1e300;
    for (int round = 0; round < 3; round++) {
        long n = 0;
        double start = now_ns(), t;
        do {
            for (int i = 0; i < 16; i++) op();
            n += 16;
            t = now_ns() - start;
        } while (t < 4e8);
        if (t / n < best) best = t / n;
    }
    printf("%s %.0f\n", name, best);
    fflush(stdout);
}

int main(int argc, char **argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: rsa_paysign REQUEST_FORM MD5_REQUEST_FORM MD5_SECRET PRIVATE_KEY CERT\n");
        return 2;
    }
    size_t len;
    unsigned char *form = slurp(argv[1], &len);
    check(paysign_params_parse(form, len, "form", NULL, &request), "parse request");
    form = slurp(argv[2], &len);
    check(paysign_params_parse(form, len, "form", NULL, &md5_request), "parse md5 request");
    check(paysign_key_secret(argv[3], &secret), "secret");
    check(paysign_key_load_file(argv[4], NULL, &priv), "private key");
    check(paysign_key_load_file(argv[5], NULL, &pub), "certificate");

    const char *hashes[] = {"sha256", "sha1"};
    char opts[2][32];
    for (int h = 0; h < 2; h++) {
        snprintf(opts[h], sizeof opts[h], "hash=%s", hashes[h]);
        options = opts[h];
        sign_once();
        printf("sig-%s %s\n", hashes[h], sig);
    }
    for (int h = 0; h < 2; h++) {
        char name[64];
        options = opts[h];
        sign_once(); /* signMsg now holds this hash's signature, for verify_once */
        snprintf(name, sizeof name, "rsa-sign-%s", hashes[h]);
        measure(name, sign_once);
        snprintf(name, sizeof name, "rsa-verify-%s", hashes[h]);
        measure(name, verify_once);
    }
    measure("md5-sign", md5_once);
    paysign_params_free(request);
    paysign_params_free(md5_request);
    paysign_key_free(priv);
    paysign_key_free(pub);
    paysign_key_free(secret);
    return 0;
}
