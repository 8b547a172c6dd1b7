/* Hostile input through the C ABI (issue 5; the Rust side is tests/hostile.rs): bodies at and
 * past the 1 MiB limit, NUL bytes inside (pointer, length) bodies, deep nesting, a second
 * signature field, parameter pollution, cross-protocol replay, truncated PKCS#12, wrong
 * passwords, an expired certificate, huge argument strings and error texts. Exact statuses.
 *
 *   hostile KEYS_DIR        (testdata/vectors/keys)
 *
 * Built with -fsanitize=address,undefined by tests/c/sanitize.sh. Prints
 * "c-hostile: N passed, M failed" last. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"

#define MAX_BODY (1u << 20)
#define SECRET "TEST-hostile-secret-42"

static char keys_dir[2048];
static const char *key_file(const char *name) {
    static char path[4096];
    snprintf(path, sizeof path, "%s/%s", keys_dir, name);
    return path;
}

static unsigned char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *data = malloc((size_t)n + 1);
    if (!data || fread(data, 1, (size_t)n, f) != (size_t)n) abort();
    fclose(f);
    *len = (size_t)n;
    return data;
}

/* A 99bill MD5 notification signed with SECRET, form-encoded (malloc'ed). */
static char *kq_notify_body(paysign_key *key) {
    paysign_params *p = paysign_params_new();
    const char *f[][2] = {{"merchantAcctId", "1001214035601"}, {"version", "v2.0"}, {"language", "1"},
                          {"signType", "1"}, {"payType", "10"}, {"orderId", "A100"},
                          {"orderAmount", "100"}, {"dealId", "9"}, {"payAmount", "100"}, {"payResult", "10"}};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) paysign_params_set(p, f[i][0], f[i][1]);
    char sig[128];
    size_t n;
    paysign_status st = paysign_sign("99bill.pay.notify", NULL, p, key, sig, sizeof sig, &n);
    CHECK(st == PAYSIGN_OK, "sign notify: %s", err());
    paysign_params_encode(p, "form", NULL, NULL, 0, &n);
    char *body = malloc(n + 1);
    st = paysign_params_encode(p, "form", NULL, body, n + 1, &n);
    CHECK(st == PAYSIGN_OK, "encode: %s", err());
    paysign_params_free(p);
    return body;
}

static paysign_status verify_body(const char *profile, const void *body, size_t len, const char *format,
                                  paysign_key *key) {
    paysign_params *out = (paysign_params *)1; /* must be reset to NULL on failure */
    paysign_status st = paysign_verify_body(profile, NULL, body, len, format, NULL, key, &out);
    CHECK((out != NULL) == (st == PAYSIGN_OK), "%s: out %p with %s", profile, (void *)out, paysign_status_name(st));
    paysign_params_free(out);
    return st;
}

static void test_body_limit(paysign_key *key) {
    char *base = kq_notify_body(key);
    size_t blen = strlen(base);
    char *big = malloc(MAX_BODY + 2);
    memcpy(big, base, blen);
    memcpy(big + blen, "&pad=", 5);
    memset(big + blen + 5, 'x', MAX_BODY - blen - 5);
    CHECK(verify_body("99bill.pay.notify", big, MAX_BODY, "form", key) == PAYSIGN_OK, "1 MiB body: %s", err());
    big[MAX_BODY] = 'x';
    CHECK(verify_body("99bill.pay.notify", big, MAX_BODY + 1, "form", key) == PAYSIGN_MALFORMED_INPUT &&
              strstr(err(), "1048577 bytes, over the 1048576-byte limit"),
          "1 MiB + 1: %s", err());
    paysign_params *out = NULL;
    CHECK(paysign_params_parse((const uint8_t *)big, MAX_BODY + 1, "json", NULL, &out) == PAYSIGN_MALFORMED_INPUT &&
              out == NULL,
          "parse over limit");
    /* Allinpay AIPG keeps the document whole: same limit, checked on the body's bytes. */
    CHECK(verify_body("allinpay.aipg.response", big, MAX_BODY + 1, "form", key) == PAYSIGN_MALFORMED_INPUT,
          "aipg over limit: %s", err());
    free(big);
    free(base);
}

static void test_nul_and_nesting(paysign_key *key) {
    char *base = kq_notify_body(key);
    size_t blen = strlen(base);
    char *body = malloc(blen + 16);
    memcpy(body, base, blen);
    memcpy(body + blen, "&x=a\0b", 6);
    CHECK(verify_body("99bill.pay.notify", body, blen + 6, "form", key) == PAYSIGN_MALFORMED_INPUT &&
              strstr(err(), "NUL"),
          "raw NUL: %s", err());
    memcpy(body + blen, "&x=%00", 6);
    CHECK(verify_body("99bill.pay.notify", body, blen + 6, "form", key) == PAYSIGN_MALFORMED_INPUT, "%%00: %s",
          err());
    free(body);
    free(base);
    /* 100,000 levels of XML and JSON: refused at level 33, no stack overflow */
    size_t depth = 100000;
    char *deep = malloc(depth * 7 + 16);
    size_t n = 0;
    for (size_t i = 0; i < depth; i++) memcpy(deep + n, "<a>", 3), n += 3;
    for (size_t i = 0; i < depth; i++) memcpy(deep + n, "</a>", 4), n += 4;
    paysign_params *out = NULL;
    CHECK(paysign_params_parse((const uint8_t *)deep, n, "xml", NULL, &out) == PAYSIGN_MALFORMED_INPUT &&
              strstr(err(), "nested deeper than 32"),
          "deep xml: %s", err());
    n = 0;
    deep[n++] = '{';
    memcpy(deep + n, "\"a\":", 4), n += 4;
    for (size_t i = 0; i < depth; i++) deep[n++] = '[';
    for (size_t i = 0; i < depth; i++) deep[n++] = ']';
    deep[n++] = '}';
    CHECK(paysign_params_parse((const uint8_t *)deep, n, "json", NULL, &out) == PAYSIGN_MALFORMED_INPUT,
          "deep json: %s", err());
    free(deep);
    /* an empty body (NULL, 0) */
    CHECK(verify_body("wechatpay.notify", NULL, 0, "xml", key) == PAYSIGN_MALFORMED_INPUT, "empty xml: %s", err());
    CHECK(verify_body("99bill.pay.notify", NULL, 0, "form", key) == PAYSIGN_MISSING_FIELD, "empty form: %s", err());
}

static void test_signature_field(paysign_key *key) {
    char *base = kq_notify_body(key);
    size_t blen = strlen(base);
    char *body = malloc(blen + 128);
    /* 99bill keeps the last occurrence: a forged one appended is the one checked */
    snprintf(body, blen + 128, "%s&signMsg=00000000000000000000000000000000", base);
    CHECK(verify_body("99bill.pay.notify", body, strlen(body), "form", key) == PAYSIGN_BAD_SIGNATURE,
          "second signMsg: %s", err());
    snprintf(body, blen + 128, "%s&orderAmount=1", base);
    CHECK(verify_body("99bill.pay.notify", body, strlen(body), "form", key) == PAYSIGN_BAD_SIGNATURE,
          "polluted: %s", err());
    free(body);
    free(base);
    const char *wx = "<xml><appid>wx1</appid><sign>00000000000000000000000000000000</sign>"
                     "<sign>11111111111111111111111111111111</sign></xml>";
    CHECK(verify_body("wechatpay.notify", wx, strlen(wx), "xml", key) == PAYSIGN_DUPLICATE_FIELD &&
              strstr(err(), "'sign'"),
          "wechat two signs: %s", err());
    const char *odd = "<xml><appid>wx1</appid><sign>0000000000000000000000000000000</sign></xml>";
    CHECK(verify_body("wechatpay.notify", odd, strlen(odd), "xml", key) == PAYSIGN_INVALID_FIELD, "31 hex: %s",
          err());
}

static void test_cross_protocol(void) {
    paysign_key *merchant = NULL, *cert = NULL;
    CHECK(paysign_key_load_file(key_file("99bill_10012140356.pfx"), "123456", &merchant) == PAYSIGN_OK, "pfx: %s",
          err());
    /* the sandbox certificate expired in 2024: it still loads and verifies */
    CHECK(paysign_key_load_file(key_file("99bill_10012140356_cert.pem"), NULL, &cert) == PAYSIGN_OK, "cert: %s",
          err());
    paysign_params *p = paysign_params_new();
    const char *f[][2] = {{"inputCharset", "1"}, {"bgUrl", "http://m/notify"}, {"version", "v2.0"},
                          {"language", "1"},     {"signType", "4"},            {"merchantAcctId", "1001214035601"},
                          {"orderId", "A100"},   {"orderAmount", "100"},       {"orderTime", "20240101120000"}};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) paysign_params_set(p, f[i][0], f[i][1]);
    char sig[1024];
    size_t n;
    CHECK(paysign_sign("99bill.pay.request", NULL, p, merchant, sig, sizeof sig, &n) == PAYSIGN_OK, "rsa sign: %s",
          err());
    CHECK(paysign_verify("99bill.pay.request", NULL, p, cert) == PAYSIGN_OK, "request verifies: %s", err());
    CHECK(paysign_verify("99bill.pay.notify", NULL, p, cert) == PAYSIGN_BAD_SIGNATURE,
          "request replayed as notify: %s", err());
    CHECK(paysign_verify("99bill.pay.notify", NULL, p, merchant) == PAYSIGN_BAD_SIGNATURE, "with the private key");
    paysign_key *s = NULL;
    paysign_key_secret(SECRET, &s);
    CHECK(paysign_verify("99bill.pay.request", NULL, p, s) == PAYSIGN_KEY_MISMATCH, "secret for RSA: %s", err());
    paysign_key_free(s);
    paysign_params_free(p);
    paysign_key_free(cert);
    paysign_key_free(merchant);
}

static void test_keys(void) {
    size_t len;
    unsigned char *pfx = read_file(key_file("99bill_10012140356.pfx"), &len);
    CHECK(pfx != NULL, "read pfx");
    if (!pfx) return;
    paysign_key *k = (paysign_key *)1;
    size_t cuts[] = {1, 2, 16, 100, len / 2, len - 1};
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        paysign_status st = paysign_key_load(pfx, cuts[i], "123456", &k);
        CHECK(st == PAYSIGN_KEY_ERROR && k == NULL, "truncated at %zu: %s %s", cuts[i], paysign_status_name(st),
              err());
    }
    const char *wrong[] = {"12345", "1234567", "", "123456 "};
    for (size_t i = 0; i < sizeof wrong / sizeof wrong[0]; i++) {
        paysign_status st = paysign_key_load(pfx, len, wrong[i], &k);
        CHECK(st == PAYSIGN_KEY_ERROR && k == NULL && strcmp(err(), "wrong PKCS#12 password (or corrupt file)") == 0,
              "password '%s': %s %s", wrong[i], paysign_status_name(st), err());
    }
    CHECK(paysign_key_load(pfx, len, NULL, &k) == PAYSIGN_KEY_ERROR &&
              strcmp(err(), "key is encrypted: a password is needed") == 0,
          "no password: %s", err());
    CHECK(paysign_key_load(pfx, len, "\xff", &k) == PAYSIGN_INVALID_ARGUMENT, "password not UTF-8: %s", err());
    CHECK(paysign_key_load(pfx, len, "123456", &k) == PAYSIGN_OK && k != NULL, "right password: %s", err());
    paysign_key_free(k);
    free(pfx);
}

static void test_huge_arguments(paysign_key *key) {
    /* a 1 MiB profile name: the error names it, last_error truncates to any buffer */
    size_t n = MAX_BODY;
    char *name = malloc(n + 1);
    memset(name, 'p', n);
    name[n] = 0;
    paysign_params *p = paysign_params_new();
    char sig[64];
    size_t out_len;
    CHECK(paysign_sign(name, NULL, p, key, sig, sizeof sig, &out_len) == PAYSIGN_UNKNOWN_PROFILE, "huge profile");
    size_t full = paysign_last_error(NULL, 0);
    char small[8];
    CHECK(full > n && paysign_last_error(small, sizeof small) == full && strlen(small) == 7, "truncated last_error");
    /* a 1 MiB value and name through params_set / get */
    CHECK(paysign_params_set(p, name, name) == PAYSIGN_OK, "huge set");
    CHECK(paysign_params_get(p, name, NULL, 0, &out_len) == PAYSIGN_BUFFER_TOO_SMALL && out_len == n, "size query");
    /* invalid UTF-8 in a name, an option, a format */
    CHECK(paysign_params_set(p, "a\xc3", "1") == PAYSIGN_INVALID_ARGUMENT, "bad utf-8 name: %s", err());
    CHECK(paysign_sign("99bill.pay.request", "hash=\xff", p, key, sig, sizeof sig, &out_len) ==
              PAYSIGN_INVALID_ARGUMENT,
          "bad utf-8 option: %s", err());
    CHECK(paysign_verify_body("wechatpay.notify", NULL, (const uint8_t *)"x", 1, "x\xfe", NULL, key, NULL) ==
              PAYSIGN_INVALID_ARGUMENT,
          "bad format: %s", err());
    paysign_params_free(p);
    free(name);
}

int main(int argc, char **argv) {
    snprintf(keys_dir, sizeof keys_dir, "%s", argc > 1 ? argv[1] : "testdata/vectors/keys");
    paysign_key *key = NULL;
    paysign_key_secret(SECRET, &key);
    test_body_limit(key);
    test_nul_and_nesting(key);
    test_signature_field(key);
    test_cross_protocol();
    test_keys();
    test_huge_arguments(key);
    paysign_key_free(key);
    printf("c-hostile: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
