/* paysign C ABI: UnionPay ACP certId and notification verification with the signPubKeyCert
 * checks, on testdata/unionpay (sources: testdata/unionpay/SOURCES.md), with a tampered twin
 * and the bad-input statuses. Built with -Wall -Wextra -Werror and run under valgrind by
 * tests/c/run_unionpay.sh. Prints "c unionpay: N passed, M failed" last. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"

static unsigned char *root, *middle;
static size_t root_len, middle_len;

/* The 5.1.0 front notification, optionally with one same-length substitution. */
static paysign_status notify(const char *replace, const char *with, const char *options) {
    size_t len;
    unsigned char *body = slurp("notify_5.1.0_wtz.txt", &len);
    if (replace) {
        char *at = strstr((char *)body, replace);
        if (!at || strlen(replace) != strlen(with)) exit(2);
        memcpy(at, with, strlen(with));
    }
    paysign_status s = paysign_unionpay_verify_body("unionpay.acp.notify", body, len, root, root_len, middle,
                                                    middle_len, NULL, options);
    free(body);
    return s;
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
    paysign_key_free(pfx);
    paysign_key_free(secret);
    free(root);
    free(middle);
    printf("c unionpay: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
