/* The OpenSSL side of bench/compare.sh: what a C (or PHP openssl_sign) merchant site does for
 * one 99bill request: sign the sign string with RSA-2048 PKCS#1 v1.5 and base64 the result;
 * for a notification, base64-decode and verify. Also MD5 + hex of an MD5 request's sign string.
 *
 *   rsa_openssl SIGN_STRING_FILE MD5_SIGN_STRING_FILE PRIVATE_KEY_PEM CERT_PEM
 *
 * Prints "sig-sha256 <base64>", "sig-sha1 <base64>", then "<operation> <ns per op>" lines.
 * The key is loaded once; each operation runs in three rounds of about 0.4 s and the
 * fastest round counts (other processes only ever add time). Links libcrypto (libssl-dev). */
#define _POSIX_C_SOURCE 199309L
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
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

static void die(const char *what) {
    fprintf(stderr, "rsa_openssl: %s failed\n", what);
    ERR_print_errors_fp(stderr);
    exit(1);
}

static const unsigned char *msg;
static size_t msg_len;
static const unsigned char *md5_msg;
static size_t md5_len;
static EVP_PKEY *priv, *pub;
static const EVP_MD *md;
static char sig_b64[1024];
static unsigned char sig[512];
static volatile int sink;

static void sign_once(void) {
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    size_t n = sizeof sig;
    if (EVP_DigestSignInit(ctx, NULL, md, NULL, priv) != 1 || EVP_DigestSign(ctx, sig, &n, msg, msg_len) != 1)
        die("EVP_DigestSign");
    EVP_MD_CTX_free(ctx);
    EVP_EncodeBlock((unsigned char *)sig_b64, sig, (int)n);
}

static void verify_once(void) {
    unsigned char raw[512];
    int n = EVP_DecodeBlock(raw, (const unsigned char *)sig_b64, (int)strlen(sig_b64));
    size_t len = strlen(sig_b64);
    while (len > 0 && sig_b64[len - 1] == '=') { len--; n--; } /* DecodeBlock counts padding */
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    if (EVP_DigestVerifyInit(ctx, NULL, md, NULL, pub) != 1) die("EVP_DigestVerifyInit");
    int ok = EVP_DigestVerify(ctx, raw, (size_t)n, msg, msg_len);
    EVP_MD_CTX_free(ctx);
    if (ok != 1) die("EVP_DigestVerify");
    sink = ok;
}

static void md5_once(void) {
    unsigned char d[16];
    char hex[33];
    unsigned int n = 0;
    if (EVP_Digest(md5_msg, md5_len, d, &n, EVP_md5(), NULL) != 1) die("EVP_Digest");
    for (int i = 0; i < 16; i++) sprintf(hex + 2 * i, "%02X", d[i]);
    sink = hex[0];
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
    if (argc != 5) {
        fprintf(stderr, "usage: rsa_openssl SIGN_STRING MD5_SIGN_STRING PRIVATE_PEM CERT_PEM\n");
        return 2;
    }
    msg = slurp(argv[1], &msg_len);
    md5_msg = slurp(argv[2], &md5_len);
    FILE *f = fopen(argv[3], "r");
    if (!f || !(priv = PEM_read_PrivateKey(f, NULL, NULL, NULL))) die("reading the private key");
    fclose(f);
    f = fopen(argv[4], "r");
    X509 *cert = f ? PEM_read_X509(f, NULL, NULL, NULL) : NULL;
    if (!cert || !(pub = X509_get_pubkey(cert))) die("reading the certificate");
    fclose(f);

    const struct { const char *name; const EVP_MD *md; } hashes[] = {{"sha256", EVP_sha256()}, {"sha1", EVP_sha1()}};
    for (int h = 0; h < 2; h++) {
        md = hashes[h].md;
        sign_once();
        printf("sig-%s %s\n", hashes[h].name, sig_b64);
    }
    for (int h = 0; h < 2; h++) {
        char name[64];
        md = hashes[h].md;
        sign_once();
        snprintf(name, sizeof name, "rsa-sign-%s", hashes[h].name);
        measure(name, sign_once);
        snprintf(name, sizeof name, "rsa-verify-%s", hashes[h].name);
        measure(name, verify_once);
    }
    measure("md5-sign", md5_once);
    X509_free(cert);
    EVP_PKEY_free(pub);
    EVP_PKEY_free(priv);
    return 0;
}
