/* paysign C ABI: UnionPay ACP certId and notification verification with the signPubKeyCert
 * checks, encryptCertId, sensitive-field encryption and customerInfo, on testdata/unionpay (sources: testdata/unionpay/SOURCES.md), with a tampered twin
 * and the bad-input statuses. Built with -Wall -Wextra -Werror and run under valgrind by
 * tests/c/run_unionpay.sh. Prints "c unionpay: N passed, M failed" last. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"

static unsigned char *root, *middle;
static size_t root_len, middle_len;

/* The 5.1.0 front notification, optionally with one same-length substitution. */
static paysign_status notify(const char *replace, const char *with, const char *options) {
    size_t len;
    unsigned char *body = slurp_twin("notify_5.1.0_wtz.txt", replace, with, &len);
    paysign_status s = paysign_unionpay_verify_body("unionpay.acp.notify", body, len, root, root_len, middle,
                                                    middle_len, NULL, options);
    free(body);
    return s;
}

static int is_base64(const char *s) {
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++)
        if (!strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=", s[i])) return 0;
    return n % 4 == 0;
}

/* encryptCertId, encryption and customerInfo with UnionPay's public test encryption certificate. */
static void encryption(void) {
    size_t cert_len, out = 0;
    unsigned char *cert = slurp("acp_test_enc.pem", &cert_len);
    char buf[1024];
    /* Published: ACP test request logs send encryptCertId=68759622183 with acp_test_enc.cer. */
    paysign_status s = paysign_unionpay_encrypt_cert_id(cert, cert_len, buf, sizeof buf, &out);
    CHECK(s == PAYSIGN_OK && strcmp(buf, "68759622183") == 0 && out == 11, "encryptCertId %d %s", s, buf);
    CHECK(paysign_unionpay_encrypt_cert_id(cert, cert_len, buf, 11, &out) == PAYSIGN_BUFFER_TOO_SMALL && out == 11,
          "encryptCertId small buffer");
    CHECK(strstr(err(), "needs 12 bytes") != NULL, "says the size: %s", err());
    CHECK(paysign_unionpay_encrypt_cert_id(NULL, 5, buf, sizeof buf, &out) == PAYSIGN_NULL_ARGUMENT &&
              strstr(err(), "'cert'") != NULL, "NULL cert: %s", err());
    const unsigned char junk[] = "not a certificate";
    s = paysign_unionpay_encrypt_cert_id(junk, sizeof junk - 1, buf, sizeof buf, &out);
    CHECK(s == PAYSIGN_KEY_ERROR && strstr(err(), "encryption certificate") != NULL, "junk: %d %s", s, err());

    /* PKCS#1 v1.5 is randomised: two calls differ; a 2048-bit key gives 344 base64 characters. */
    const char *pan = "6226388000000095";
    char other[512];
    s = paysign_unionpay_encrypt(cert, cert_len, (const uint8_t *)pan, strlen(pan), buf, sizeof buf, &out);
    CHECK(s == PAYSIGN_OK && out == 344 && strlen(buf) == 344 && is_base64(buf), "encrypt %d %zu", s, out);
    s = paysign_unionpay_encrypt(cert, cert_len, (const uint8_t *)pan, strlen(pan), other, sizeof other, &out);
    CHECK(s == PAYSIGN_OK && strcmp(buf, other) != 0, "random padding");
    CHECK(paysign_unionpay_encrypt(cert, cert_len, (const uint8_t *)pan, strlen(pan), NULL, 0, &out) ==
              PAYSIGN_BUFFER_TOO_SMALL && out == 344, "encrypt size query");
    CHECK(paysign_unionpay_encrypt(cert, cert_len, NULL, 3, buf, sizeof buf, &out) == PAYSIGN_NULL_ARGUMENT &&
              strstr(err(), "'plaintext'") != NULL, "NULL plaintext: %s", err());
    CHECK(paysign_unionpay_encrypt(cert, cert_len, (const uint8_t *)"", 0, buf, sizeof buf, &out) ==
              PAYSIGN_INVALID_FIELD && strstr(err(), "'plaintext'") != NULL, "empty plaintext: %s", err());
    unsigned char big[246];
    memset(big, '1', sizeof big);
    CHECK(paysign_unionpay_encrypt(cert, cert_len, big, sizeof big, buf, sizeof buf, &out) == PAYSIGN_INVALID_FIELD &&
              strstr(err(), "at most 245") != NULL, "too long: %s", err());
    CHECK(paysign_unionpay_encrypt(junk, sizeof junk - 1, big, 5, buf, sizeof buf, &out) == PAYSIGN_KEY_ERROR,
          "encrypt with junk cert");

    /* customerInfo: published {smsCode=111111}; 5.1.0 gathers cvn2 into encryptedInfo. */
    paysign_params *f = paysign_params_new();
    paysign_params_set(f, "smsCode", "111111");
    s = paysign_unionpay_customer_info(f, "5.1.0", NULL, 0, NULL, buf, sizeof buf, &out);
    CHECK(s == PAYSIGN_OK && strcmp(buf, "e3Ntc0NvZGU9MTExMTExfQ==") == 0, "customerInfo %d %s", s, buf);
    paysign_params_set(f, "cvn2", "248");
    s = paysign_unionpay_customer_info(f, "5.1.0", NULL, 0, NULL, buf, sizeof buf, &out);
    CHECK(s == PAYSIGN_NULL_ARGUMENT && strstr(err(), "encryption certificate") != NULL, "no cert: %s", err());
    /* {smsCode=111111&encryptedInfo=<344>} is 375 bytes: 500 base64 characters. */
    s = paysign_unionpay_customer_info(f, "5.1.0", cert, cert_len, NULL, buf, sizeof buf, &out);
    CHECK(s == PAYSIGN_OK && out == 500 && is_base64(buf), "5.1.0 customerInfo %d %zu", s, out);
    s = paysign_unionpay_customer_info(f, "5.0.0", cert, cert_len, NULL, buf, sizeof buf, &out);
    /* DERIVED: base64 of {smsCode=111111&cvn2=248} (Python). */
    CHECK(s == PAYSIGN_OK && strcmp(buf, "e3Ntc0NvZGU9MTExMTExJmN2bjI9MjQ4fQ==") == 0, "5.0.0 plain %s", buf);
    CHECK(paysign_unionpay_customer_info(f, "5.0.0", NULL, 0, NULL, buf, 8, &out) == PAYSIGN_BUFFER_TOO_SMALL && out == 36,
          "customerInfo small buffer");
    CHECK(paysign_unionpay_customer_info(f, "4.0.0", NULL, 0, NULL, buf, sizeof buf, &out) == PAYSIGN_INVALID_FIELD &&
              strstr(err(), "'version'") != NULL, "bad version: %s", err());
    CHECK(paysign_unionpay_customer_info(f, NULL, NULL, 0, NULL, buf, sizeof buf, &out) == PAYSIGN_NULL_ARGUMENT,
          "NULL version");
    CHECK(paysign_unionpay_customer_info(NULL, "5.1.0", NULL, 0, NULL, buf, sizeof buf, &out) == PAYSIGN_NULL_ARGUMENT &&
              strstr(err(), "'fields'") != NULL, "NULL fields: %s", err());
    CHECK(paysign_unionpay_customer_info(f, "5.1.0", junk, sizeof junk - 1, NULL, buf, sizeof buf, &out) ==
              PAYSIGN_KEY_ERROR, "customerInfo junk cert");
    paysign_params_set(f, "pin", "123456");
    CHECK(paysign_unionpay_customer_info(f, "5.0.0", cert, cert_len, NULL, buf, sizeof buf, &out) ==
              PAYSIGN_MISSING_FIELD && strstr(err(), "'accNo'") != NULL, "pin without accNo: %s", err());
    /* {smsCode=111111&cvn2=248&pin=<344>} is 374 bytes: 500 base64 characters. */
    s = paysign_unionpay_customer_info(f, "5.0.0", cert, cert_len, pan, buf, sizeof buf, &out);
    CHECK(s == PAYSIGN_OK && out == 500 && is_base64(buf), "pin in customerInfo %d %zu %s", s, out, err());
    paysign_params_free(f);

    /* The PIN block, encrypted: 344 characters; bad PIN and card numbers name their field. */
    s = paysign_unionpay_encrypt_pin(cert, cert_len, "123456", pan, buf, sizeof buf, &out);
    CHECK(s == PAYSIGN_OK && out == 344 && is_base64(buf), "encrypt_pin %d %zu", s, out);
    CHECK(paysign_unionpay_encrypt_pin(cert, cert_len, "123456", pan, buf, 100, &out) == PAYSIGN_BUFFER_TOO_SMALL &&
              out == 344, "encrypt_pin small buffer");
    CHECK(paysign_unionpay_encrypt_pin(cert, cert_len, "12", pan, buf, sizeof buf, &out) == PAYSIGN_INVALID_FIELD &&
              strstr(err(), "'pin'") != NULL, "short pin: %s", err());
    CHECK(paysign_unionpay_encrypt_pin(cert, cert_len, "123456", "12345", buf, sizeof buf, &out) ==
              PAYSIGN_INVALID_FIELD && strstr(err(), "'accNo'") != NULL, "short card: %s", err());
    CHECK(paysign_unionpay_encrypt_pin(cert, cert_len, NULL, pan, buf, sizeof buf, &out) == PAYSIGN_NULL_ARGUMENT &&
              strstr(err(), "'pin'") != NULL, "NULL pin: %s", err());
    CHECK(paysign_unionpay_encrypt_pin(junk, sizeof junk - 1, "123456", pan, buf, sizeof buf, &out) ==
              PAYSIGN_KEY_ERROR, "encrypt_pin junk cert");
    free(cert);
}

int main(int argc, char **argv) {
    dir = argc > 1 ? argv[1] : "testdata/unionpay";
    root = slurp("acp_test_root.pem", &root_len);
    middle = slurp("acp_test_middle.pem", &middle_len);

    const char *at2017 = "now=1509400000&test_cn=1";
    CHECK(notify(NULL, NULL, at2017) == PAYSIGN_OK, "published notification: %s", err());
    CHECK(notify("orderId=20171030223623", "orderId=20171030223624", at2017) == PAYSIGN_BAD_SIGNATURE,
          "tampered orderId");
    CHECK(notify(NULL, NULL, "now=1509400000") == PAYSIGN_UNTRUSTED_CERT, "test owner without test_cn");
    CHECK(strstr(err(), "00040000:SIGN") != NULL, "names the owner: %s", err());
    CHECK(notify(NULL, NULL, "test_cn=1") == PAYSIGN_UNTRUSTED_CERT, "expired at the clock's time");
    CHECK(strstr(err(), "signPubKeyCert: valid from") != NULL, "says dates: %s", err());
    CHECK(notify(NULL, NULL, "now=x") == PAYSIGN_INVALID_ARGUMENT, "bad now");
    CHECK(notify("signMethod=01", "signMethod=11", at2017) == PAYSIGN_UNSUPPORTED, "signMethod 11");
    CHECK(strstr(err(), "field 'signMethod': 11") != NULL, "names signMethod: %s", err());
    CHECK(notify("signMethod=01", "signMethod=07", at2017) == PAYSIGN_INVALID_FIELD, "signMethod 07");

    /* The root given as the middle: outside the chain. */
    size_t len;
    unsigned char *body = slurp("notify_5.1.0_wtz.txt", &len);
    paysign_status s = paysign_unionpay_verify_body("unionpay.acp.notify", body, len, root, root_len, root, root_len,
                                                    NULL, at2017);
    CHECK(s == PAYSIGN_UNTRUSTED_CERT, "root as middle: %d %s", s, err());
    s = paysign_unionpay_verify_body("unionpay.acp.notify", body, len, NULL, 0, NULL, 0, NULL, at2017);
    CHECK(s == PAYSIGN_NULL_ARGUMENT, "5.1.0 without root and middle: %d", s);
    s = paysign_unionpay_verify_body("alipay.mapi.notify", body, len, root, root_len, middle, middle_len, NULL, at2017);
    CHECK(s == PAYSIGN_INVALID_ARGUMENT, "not a UnionPay profile: %d", s);
    s = paysign_unionpay_verify_body(NULL, body, len, root, root_len, middle, middle_len, NULL, at2017);
    CHECK(s == PAYSIGN_NULL_ARGUMENT, "NULL profile: %d", s);
    free(body);

    /* certId: the decimal serial (published: yansongda/pay sends 69903319369 with this PFX). */
    char path[4096], buf[32];
    snprintf(path, sizeof path, "%s/../vectors/keys/unionpay_acp_test_sign_2021.pfx", dir);
    paysign_key *pfx = NULL;
    CHECK(paysign_key_load_file(path, "000000", &pfx) == PAYSIGN_OK, "load PFX: %s", err());
    size_t out = 0;
    CHECK(paysign_unionpay_cert_id(pfx, buf, sizeof buf, &out) == PAYSIGN_OK && strcmp(buf, "69903319369") == 0 &&
              out == 11, "certId %s", buf);
    CHECK(paysign_unionpay_cert_id(pfx, NULL, 0, &out) == PAYSIGN_BUFFER_TOO_SMALL && out == 11, "size query");
    CHECK(paysign_unionpay_cert_id(NULL, buf, sizeof buf, &out) == PAYSIGN_NULL_ARGUMENT, "NULL key");
    paysign_key *secret = NULL;
    CHECK(paysign_key_secret("k", &secret) == PAYSIGN_OK, "secret");
    CHECK(paysign_unionpay_cert_id(secret, buf, sizeof buf, &out) == PAYSIGN_KEY_MISMATCH, "secret has no certId");
    encryption();
    paysign_key_free(pfx);
    paysign_key_free(secret);
    free(root);
    free(middle);
    printf("c unionpay: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
