/* paysign C ABI: WeChat Pay v2 refund notifications (paysign_wechat_refund_decrypt) on the
 * fixtures in testdata/wechatpay (sources: testdata/wechatpay/SOURCES.md), with wrong-key,
 * cut-short and altered twins and the bad-input statuses; and the JSAPI paySign profile
 * writing its signature to paySign. Built with -Wall -Wextra -Werror and run under valgrind
 * by tests/c/run_wechat.sh. Prints "c wechat: N passed, M failed" last. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The fixture as text (harness.h's slurp, NUL-terminated). */
static char *text(const char *name, size_t *len) {
    return (char *)slurp(name, len);
}

static paysign_key *secret(const char *s) {
    paysign_key *k = NULL;
    if (paysign_key_secret(s, &k) != PAYSIGN_OK) exit(2);
    return k;
}

static int field_is(const paysign_params *p, const char *name, const char *want) {
    char buf[256];
    size_t n = 0;
    return paysign_params_get(p, name, buf, sizeof buf, &n) == PAYSIGN_OK && strcmp(buf, want) == 0;
}

/* Decrypts `body` (len bytes); returns the status, frees the params. */
static paysign_status decrypt(const paysign_key *k, const char *body, size_t len) {
    paysign_params *out = NULL;
    paysign_status s = paysign_wechat_refund_decrypt(k, (const uint8_t *)body, len, &out);
    if (s != PAYSIGN_OK && out != NULL) { failed++; fprintf(stderr, "FAIL: *out set on %d\n", s); }
    paysign_params_free(out);
    return s;
}

/* The notification with its req_info CDATA replaced by `with`. */
static paysign_status decrypt_with(const paysign_key *k, const char *body, const char *with) {
    const char *a = strstr(body, "<req_info><![CDATA[") + strlen("<req_info><![CDATA[");
    const char *b = strstr(a, "]]></req_info>");
    size_t n = (size_t)(a - body), m = strlen(with), t = strlen(b);
    char *copy = malloc(n + m + t + 1);
    memcpy(copy, body, n);
    memcpy(copy + n, with, m);
    memcpy(copy + n + m, b, t + 1);
    paysign_status s = decrypt(k, copy, n + m + t);
    free(copy);
    return s;
}

static void refund(void) {
    paysign_key *gopay = secret("ziR0QKsTUfMOuochC9RfCdmfHECorQAP");
    paysign_key *other = secret("GFDS8j98rewnmgl45wHTt980jg543wmg");
    size_t len, flen;
    char *body = text("derived_refund_notify.xml", &len);
    char *full = text("derived_fullpad_notify.xml", &flen);

    paysign_params *out = NULL;
    paysign_status s = paysign_wechat_refund_decrypt(gopay, (const uint8_t *)body, len, &out);
    CHECK(s == PAYSIGN_OK, "gopay fixture: %d %s", s, err());
    CHECK(paysign_params_count(out) == 17, "17 fields: %zu", paysign_params_count(out));
    CHECK(field_is(out, "return_code", "SUCCESS") && field_is(out, "mch_id", "10000100"), "outer fields");
    CHECK(field_is(out, "out_refund_no", "50fd012ed1b311e7af7800163e32c503"), "out_refund_no");
    CHECK(field_is(out, "refund_status", "SUCCESS") && field_is(out, "refund_fee", "6"), "status, fee");
    CHECK(field_is(out, "refund_recv_accout", "\xe6\x94\xaf\xe4\xbb\x98\xe7\x94\xa8\xe6\x88\xb7\xe9\x9b\xb6\xe9\x92\xb1"),
          "refund_recv_accout is UTF-8");
    CHECK(field_is(out, "success_time", "2017-11-25 15:36:17"), "success_time");
    char buf[8];
    size_t n;
    CHECK(paysign_params_get(out, "req_info", buf, sizeof buf, &n) != PAYSIGN_OK, "req_info is not handed back");
    paysign_params_free(out);

    out = NULL;
    s = paysign_wechat_refund_decrypt(other, (const uint8_t *)full, flen, &out);
    CHECK(s == PAYSIGN_OK && paysign_params_count(out) == 6 && field_is(out, "refund_status", "CHANGE"),
          "whole padding block: %d %s", s, err());
    paysign_params_free(out);

    s = decrypt(other, body, len);
    CHECK(s == PAYSIGN_DECRYPT_ERROR, "wrong key: %d", s);
    CHECK(strstr(err(), "req_info") != NULL && strstr(err(), "GFDS8j98") == NULL, "message: %s", err());
    CHECK(decrypt(gopay, full, flen) == PAYSIGN_DECRYPT_ERROR, "wrong key, full-padding case");

    /* Cut short by 4 base64 characters (828 bytes), by one block (base64 of 816 bytes ends
     * 44 characters earlier than 832's), altered first character. */
    const char *ri = strstr(body, "<![CDATA[YYwp") + 9;
    size_t rlen = (size_t)(strstr(ri, "]]>") - ri);
    char *cut = strndup(ri, rlen - 4);
    CHECK(decrypt_with(gopay, body, cut) == PAYSIGN_DECRYPT_ERROR, "cut by 4: %s", err());
    free(cut);
    cut = strndup(ri, 1088);
    CHECK(decrypt_with(gopay, body, cut) == PAYSIGN_DECRYPT_ERROR, "816 bytes: %s", err());
    free(cut);
    char *alt = strndup(ri, rlen);
    alt[0] = 'Z';
    CHECK(decrypt_with(gopay, body, alt) == PAYSIGN_DECRYPT_ERROR, "altered: %s", err());
    free(alt);
    CHECK(decrypt_with(gopay, body, "") == PAYSIGN_MISSING_FIELD, "empty req_info");
    CHECK(decrypt_with(gopay, body, "not base64!") == PAYSIGN_INVALID_FIELD, "not base64: %s", err());
    CHECK(strstr(err(), "req_info") != NULL, "names req_info: %s", err());
    const char *no_ri = "<xml><return_code>SUCCESS</return_code></xml>";
    CHECK(decrypt(gopay, no_ri, strlen(no_ri)) == PAYSIGN_MISSING_FIELD, "no req_info");
    CHECK(decrypt(gopay, body, len - 3) == PAYSIGN_MALFORMED_INPUT, "body cut short");

    CHECK(paysign_wechat_refund_decrypt(NULL, (const uint8_t *)body, len, &out) == PAYSIGN_NULL_ARGUMENT && out == NULL,
          "NULL key");
    CHECK(paysign_wechat_refund_decrypt(gopay, NULL, 5, &out) == PAYSIGN_NULL_ARGUMENT, "NULL body");
    CHECK(paysign_wechat_refund_decrypt(gopay, (const uint8_t *)body, len, NULL) == PAYSIGN_NULL_ARGUMENT, "NULL out");

    free(body);
    free(full);
    paysign_key_free(gopay);
    paysign_key_free(other);
}

static void jsapi(void) {
    paysign_key *k = secret("192006250b4c09247ec02edce69f6a2d");
    paysign_params *p = paysign_params_new();
    paysign_params_set(p, "appId", "wx2421b1c4370ec43b");
    paysign_params_set(p, "timeStamp", "1395712654");
    paysign_params_set(p, "nonceStr", "e61463f8efa94090b1f366cccfbbb444");
    paysign_params_set(p, "package", "prepay_id=u802345jgfjsdfgsdg888");
    paysign_params_set(p, "signType", "MD5");
    char sig[80];
    size_t n;
    paysign_status s = paysign_sign("wechatpay.jsapi.paysign", NULL, p, k, sig, sizeof sig, &n);
    CHECK(s == PAYSIGN_OK && strcmp(sig, "0784A14C2CD35747364F62512E724FD8") == 0, "jsapi MD5: %d %s", s, sig);
    CHECK(field_is(p, "paySign", "0784A14C2CD35747364F62512E724FD8"), "written to paySign");
    CHECK(paysign_verify("wechatpay.jsapi.paysign", NULL, p, k) == PAYSIGN_OK, "verifies");
    paysign_params_set(p, "package", "prepay_id=u802345jgfjsdfgsdg889");
    CHECK(paysign_verify("wechatpay.jsapi.paysign", NULL, p, k) == PAYSIGN_BAD_SIGNATURE, "tampered package");
    paysign_params_set(p, "signType", "SHA1");
    CHECK(paysign_sign("wechatpay.jsapi.paysign", NULL, p, k, sig, sizeof sig, &n) == PAYSIGN_INVALID_FIELD,
          "signType SHA1: %s", err());
    paysign_params_set(p, "signType", "");
    CHECK(paysign_sign("wechatpay.jsapi.paysign", NULL, p, k, sig, sizeof sig, &n) == PAYSIGN_MISSING_FIELD,
          "no signType: %s", err());
    paysign_params_free(p);
    paysign_key_free(k);
}

int main(int argc, char **argv) {
    dir = argc > 1 ? argv[1] : "testdata/wechatpay";
    refund();
    jsapi();
    printf("c wechat: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
