/* paysign C ABI tests for paysign_diagnose, paysign_diagnose_sign, paysign_key_builtin and
 * paysign_builtin_keys. Built with -Wall -Wextra -Werror and run under valgrind by
 * tests/c/run_diagnose.sh. Prints "c diagnose: N passed, M failed" last. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"

/* The official Allinpay RSA-SHA1 notification sample; it verifies with allinpay.gateway. */
static const char ALLINPAY_SAMPLE[] =
    "merchantId=100020091218002&version=v1.0&language=1&signType=1&paymentOrderId=20100127025940009"
    "&orderNo=NO20100127140930&orderDatetime=20100127140930&orderAmount=100&payDatetime=20100127025940"
    "&payAmount=100&ext1=%E9%99%84%E5%8A%A0%E5%8F%82%E6%95%B01&ext2=%E9%99%84%E5%8A%A0%E5%8F%82%E6%95%B02"
    "&payResult=1&returnDatetime=20100127025941&signMsg=L2cKYmgs2Au4i1QPLy%2Fpvd%2FC8txvU83h2XdE4MM%2FPUsA1K"
    "%2Bd%2B3Q9KPSWFT%2Fi03xqIJQJqLy%2B4ZUH6rb6C0Y0QbgY%2BCKpxWPa8uEKFdFgluMWLviILKweDkSsUq99wqKSbs169RFTjLA"
    "GqB8lIIeghk%2B79WKQZR6l%2BxDgLvXohM0%3D";

/* The 99bill MD5 request vector signed by a library that writes lowercase hex. */
static const char KQ_REQUEST_LOWER[] =
    "inputCharset=1&pageUrl=http%3A%2F%2Fexample.org%2Fmidpay%2Fkuaiqian%2Fcallback&version=v2.0"
    "&language=1&signType=1&merchantAcctId=APPKEY&orderId=123456&orderAmount=1&orderTime=20130710154023"
    "&productName=product%20name&productNum=1&productDesc=product%20desc&payType=00&redoFlag=0"
    "&signMsg=b161c0227172e3529eb10b193ce79f62";

/* Runs paysign_diagnose(_sign) with the size query first; returns a malloc'd report or NULL. */
static char *diagnose(int sign, const char *profile, const char *options, const char *body,
                      const char *format, const paysign_key *key, paysign_status *status) {
    size_t n = 0;
    size_t len = strlen(body);
    paysign_status st = sign
        ? paysign_diagnose_sign(profile, options, (const uint8_t *)body, len, format, NULL, key, NULL, 0, &n)
        : paysign_diagnose(profile, options, (const uint8_t *)body, len, format, NULL, key, NULL, 0, &n);
    if (st != PAYSIGN_BUFFER_TOO_SMALL) {
        *status = st;
        return NULL;
    }
    char *buf = malloc(n + 1);
    if (!buf) abort();
    size_t n2 = 0;
    st = sign ? paysign_diagnose_sign(profile, options, (const uint8_t *)body, len, format, NULL, key, buf,
                                      n + 1, &n2)
              : paysign_diagnose(profile, options, (const uint8_t *)body, len, format, NULL, key, buf, n + 1,
                                 &n2);
    *status = st;
    CHECK(st != PAYSIGN_OK || (n2 == n && buf[n] == 0 && strlen(buf) == n), "length %zu vs %zu", n2, n);
    if (st != PAYSIGN_OK) {
        free(buf);
        return NULL;
    }
    return buf;
}

static void test_valid_and_other_key(void) {
    paysign_key *gw = NULL, *wrong = NULL;
    paysign_status st = paysign_key_builtin("allinpay.gateway", &gw);
    CHECK(st == PAYSIGN_OK && gw, "builtin allinpay.gateway: %s %s", paysign_status_name(st), err());
    char *r = diagnose(0, "allinpay.pay.notify", NULL, ALLINPAY_SAMPLE, "form", gw, &st);
    CHECK(r && strstr(r, "\"verdict\":\"valid\"") && strstr(r, "\"cause\":null"), "valid: %s", r ? r : err());
    free(r);

    /* The same sample with the 99bill production certificate: Allinpay's own key is found. */
    st = paysign_key_builtin("99bill.production", &wrong);
    CHECK(st == PAYSIGN_OK, "builtin 99bill.production");
    r = diagnose(0, "allinpay.pay.notify", NULL, ALLINPAY_SAMPLE, "form", wrong, &st);
    CHECK(r && strstr(r, "\"cause\":\"other_gateway_key\"") && strstr(r, "\"key\":\"allinpay.gateway\""),
          "other key: %s", r ? r : err());
    free(r);
    paysign_key_free(gw);
    paysign_key_free(wrong);
}

static void test_sign_mode_and_masking(void) {
    paysign_key *k = NULL;
    CHECK(paysign_key_secret("APPSECRET", &k) == PAYSIGN_OK, "secret");
    paysign_status st;
    char *r = diagnose(1, "99bill.pay.request", "", KQ_REQUEST_LOWER, NULL, k, &st);
    CHECK(r && strstr(r, "\"cause\":\"hex_case\"") && strstr(r, "\"mode\":\"sign\""), "hex case: %s",
          r ? r : err());
    CHECK(r && strstr(r, "B161C0227172E3529EB10B193CE79F62"), "paysign signature: %s", r ? r : "");
    CHECK(r && strstr(r, "&key=***") && !strstr(r, "APPSECRET"), "masked: %s", r ? r : "");
    free(r);

    /* Verify mode, plus turned into space: the merchant passes decoded text. */
    paysign_params *p = paysign_params_new();
    paysign_params_set(p, "notify_id", "ac05099524730693a8b330c5ecf72da9786");
    paysign_params_set(p, "subject", "iPhone+case");
    paysign_params_set(p, "total_fee", "9.90");
    paysign_params_set(p, "sign_type", "MD5");
    char sig[64];
    size_t n = 0;
    paysign_key *s2 = NULL;
    CHECK(paysign_key_secret("c-test-secret-d41", &s2) == PAYSIGN_OK, "secret 2");
    st = paysign_sign("alipay.mapi.notify", NULL, p, s2, sig, sizeof sig, &n);
    CHECK(st == PAYSIGN_OK, "sign: %s", err());
    char body[512] = "";
    char name[64], value[128];
    for (size_t i = 0; i < paysign_params_count(p); i++) {
        paysign_params_name_at(p, i, name, sizeof name, NULL);
        paysign_params_value_at(p, i, value, sizeof value, NULL);
        if (i) strcat(body, "&");
        strcat(body, name);
        strcat(body, "=");
        strcat(body, value);
    }
    r = diagnose(0, "alipay.mapi.notify", NULL, body, "form", s2, &st);
    CHECK(r && strstr(r, "\"cause\":\"plus_as_space\"") && !strstr(r, "c-test-secret-d41"), "plus: %s",
          r ? r : err());
    free(r);
    paysign_params_free(p);
    paysign_key_free(s2);
    paysign_key_free(k);
}

static void test_arguments_and_buffers(void) {
    paysign_key *k = NULL;
    paysign_key_secret("APPSECRET", &k);
    size_t n = 7;
    char small[8];
    memset(small, 'x', sizeof small);
    paysign_status st = paysign_diagnose("99bill.pay.request", NULL, (const uint8_t *)KQ_REQUEST_LOWER,
                                         strlen(KQ_REQUEST_LOWER), NULL, NULL, k, small, sizeof small, &n);
    CHECK(st == PAYSIGN_BUFFER_TOO_SMALL && n > sizeof small && small[0] == 'x', "too small: %d %zu", st, n);
    st = paysign_diagnose(NULL, NULL, (const uint8_t *)"a=1", 3, NULL, NULL, k, NULL, 0, &n);
    CHECK(st == PAYSIGN_NULL_ARGUMENT && strstr(err(), "profile"), "NULL profile: %d", st);
    st = paysign_diagnose("nope", NULL, (const uint8_t *)"a=1", 3, NULL, NULL, k, NULL, 0, &n);
    CHECK(st == PAYSIGN_UNKNOWN_PROFILE, "unknown profile: %d", st);
    st = paysign_diagnose("99bill.pay.notify", "colour=blue", (const uint8_t *)"a=1", 3, NULL, NULL, k, NULL, 0,
                          &n);
    CHECK(st == PAYSIGN_INVALID_ARGUMENT, "unknown option: %d", st);
    st = paysign_diagnose("99bill.pay.notify", NULL, NULL, 3, NULL, NULL, k, NULL, 0, &n);
    CHECK(st == PAYSIGN_NULL_ARGUMENT, "NULL body: %d", st);
    st = paysign_diagnose("99bill.pay.notify", NULL, (const uint8_t *)"a=1", 3, "yaml", NULL, k, NULL, 0, &n);
    CHECK(st == PAYSIGN_INVALID_ARGUMENT, "unknown format: %d", st);

    /* An error of the verification is a report, not a status: NULL key for an MD5 profile. */
    char *r = diagnose(0, "99bill.pay.request", NULL, KQ_REQUEST_LOWER, NULL, NULL, &st);
    CHECK(st == PAYSIGN_OK && r && strstr(r, "\"verdict\":\"error\"") && strstr(r, "PAYSIGN_NULL_ARGUMENT"),
          "NULL key report: %s", r ? r : err());
    free(r);
    paysign_key_free(k);
}

static void test_builtin_keys(void) {
    size_t total = paysign_builtin_keys(NULL, 0);
    CHECK(total > 0, "builtin list length");
    char *list = malloc(total + 1);
    if (!list) abort();
    CHECK(paysign_builtin_keys(list, total + 1) == total && strlen(list) == total, "builtin list");
    const char *names[] = {"99bill.production", "99bill.sandbox", "99bill.sandbox.2009", "alipay.sandbox",
                           "alipay.sandbox.key", "allinpay.gateway"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char line[64];
        snprintf(line, sizeof line, "%s\n", names[i]);
        CHECK(strstr(list, line) != NULL, "listed %s", names[i]);
        paysign_key *k = NULL;
        paysign_status st = paysign_key_builtin(names[i], &k);
        CHECK(st == PAYSIGN_OK && k, "load %s: %s", names[i], err());
        paysign_key_free(k);
    }
    free(list);
    char tiny[4];
    CHECK(paysign_builtin_keys(tiny, sizeof tiny) == total && strcmp(tiny, "99b") == 0, "truncated");

    paysign_key *k = (paysign_key *)&total; /* must be reset to NULL */
    paysign_status st = paysign_key_builtin("99bill.prod", &k);
    CHECK(st == PAYSIGN_INVALID_ARGUMENT && k == NULL, "unknown builtin: %d", st);
    CHECK(strstr(err(), "99bill.sandbox.2009") != NULL, "names listed: %s", errbuf);
    CHECK(paysign_key_builtin(NULL, &k) == PAYSIGN_NULL_ARGUMENT, "NULL name");
    CHECK(paysign_key_builtin("99bill.production", NULL) == PAYSIGN_NULL_ARGUMENT, "NULL out");
}

int main(void) {
    test_valid_and_other_key();
    test_sign_mode_and_masking();
    test_arguments_and_buffers();
    test_builtin_keys();
    printf("c diagnose: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
