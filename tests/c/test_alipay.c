/* paysign C ABI: Alipay certificate SNs and synchronous response verification on the
 * vectors in testdata/alipay (sources: testdata/alipay/SOURCES.md), with tampered twins and
 * the bad-input statuses. Built with -Wall -Wextra -Werror and run under valgrind by
 * tests/c/run_alipay.sh. Prints "c alipay: N passed, M failed" last. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"

static void sn_case(const char *file, int root, const char *want) {
    size_t len, out = 0;
    unsigned char *data = slurp(file, &len);
    char buf[200];
    paysign_status s = root ? paysign_alipay_root_cert_sn(data, len, buf, sizeof buf, &out)
                            : paysign_alipay_cert_sn(data, len, buf, sizeof buf, &out);
    CHECK(s == PAYSIGN_OK && strcmp(buf, want) == 0 && out == strlen(want), "%s: %d %s", file, s, err());
    /* Size query, then a buffer one byte short: nothing written. */
    s = root ? paysign_alipay_root_cert_sn(data, len, NULL, 0, &out) : paysign_alipay_cert_sn(data, len, NULL, 0, &out);
    CHECK(s == PAYSIGN_BUFFER_TOO_SMALL && out == strlen(want), "%s size query: %d", file, s);
    memset(buf, 'x', sizeof buf);
    s = root ? paysign_alipay_root_cert_sn(data, len, buf, out, &out) : paysign_alipay_cert_sn(data, len, buf, out, &out);
    CHECK(s == PAYSIGN_BUFFER_TOO_SMALL && buf[0] == 'x', "%s short buffer: %d", file, s);
    free(data);
}

static paysign_status verify(const char *file, const char *replace, const char *with, const char *method,
                             const paysign_key *key, const char *options) {
    size_t len;
    unsigned char *body = slurp(file, &len);
    if (replace) {
        char *at = strstr((char *)body, replace);
        if (!at || strlen(replace) != strlen(with)) exit(2);
        memcpy(at, with, strlen(with));
    }
    paysign_status s = paysign_alipay_verify_response(body, len, method, key, options);
    free(body);
    return s;
}

int main(int argc, char **argv) {
    dir = argc > 1 ? argv[1] : "testdata/alipay";

    sn_case("yansongda_appPublicCert.crt", 0, "e90dd23a37c5c7b616e003970817ff82");
    sn_case("nodejs_appCertPublicKey_2021001161683774.crt", 0, "866efef280dec9137a87d047ac446315");
    sn_case("nodejs_alipayCertPublicKey_RSA2.crt", 0, "7513daaaa48aa3ba2e4018d84402479c");
    sn_case("alipayRootCert.crt", 1, "687b59193f3f462dd5336e5abf83c5d8_02941eef3187dddf3d3b83462e1dfcf6");

    char buf[64];
    size_t out;
    CHECK(paysign_alipay_cert_sn(NULL, 5, buf, sizeof buf, &out) == PAYSIGN_NULL_ARGUMENT, "NULL data");
    CHECK(paysign_alipay_cert_sn((const uint8_t *)"junk", 4, buf, sizeof buf, &out) == PAYSIGN_KEY_ERROR, "junk: %s", err());
    CHECK(paysign_alipay_root_cert_sn((const uint8_t *)"", 0, buf, sizeof buf, &out) == PAYSIGN_KEY_ERROR, "empty");

    paysign_key *gopay = load("gopay_alipay_public_key.txt");
    paysign_key *cert = load("derived_alipay_cert.crt");
    paysign_key *other = load("nodejs_alipayCertPublicKey_RSA2.crt");

    const char *pay = "gopay_trade_pay_response.json";
    CHECK(verify(pay, NULL, NULL, "alipay.trade.pay", gopay, NULL) == PAYSIGN_OK, "gopay: %s", err());
    CHECK(verify(pay, NULL, NULL, "alipay.trade.pay", gopay, "sign_type=RSA2&charset=utf-8") == PAYSIGN_OK, "opts");
    CHECK(verify(pay, "\"0.01\"", "\"9.01\"", "alipay.trade.pay", gopay, NULL) == PAYSIGN_BAD_SIGNATURE, "tampered");
    CHECK(strstr(err(), "alipay_trade_pay_response") != NULL, "reason names the node: %s", err());
    CHECK(verify(pay, NULL, NULL, "alipay.trade.pay", gopay, "sign_type=RSA") == PAYSIGN_BAD_SIGNATURE, "RSA");
    CHECK(verify(pay, NULL, NULL, "alipay.trade.query", gopay, NULL) == PAYSIGN_MALFORMED_INPUT, "wrong method");
    CHECK(verify(pay, NULL, NULL, "alipay.trade.pay", gopay, "hash=sha1") == PAYSIGN_INVALID_ARGUMENT, "hash option");
    CHECK(strstr(err(), "option 'hash'") != NULL, "the refusal names the option: %s", err());
    CHECK(verify(pay, NULL, NULL, "alipay.trade.pay", gopay, "bogus=1") == PAYSIGN_INVALID_ARGUMENT, "unknown option");
    CHECK(verify(pay, NULL, NULL, "alipay.trade.pay", NULL, NULL) == PAYSIGN_NULL_ARGUMENT, "NULL key");
    CHECK(verify(pay, NULL, NULL, NULL, gopay, NULL) == PAYSIGN_NULL_ARGUMENT, "NULL method");
    CHECK(verify(pay, "\"sign\"", "\"sigX\"", "alipay.trade.pay", gopay, NULL) == PAYSIGN_MISSING_FIELD, "no sign");
    CHECK(paysign_alipay_verify_response(NULL, 0, "a", gopay, NULL) == PAYSIGN_MALFORMED_INPUT, "empty body");

    const char *cm = "derived_cert_mode_response.json";
    CHECK(verify(cm, NULL, NULL, "alipay.trade.query", cert, NULL) == PAYSIGN_OK, "cert mode: %s", err());
    CHECK(verify(cm, "TRADE_SUCCESS", "TRADE_SUCCESX", "alipay.trade.query", cert, NULL) == PAYSIGN_BAD_SIGNATURE, "tampered");
    CHECK(verify(cm, NULL, NULL, "alipay.trade.query", other, NULL) == PAYSIGN_KEY_MISMATCH, "other cert: %s", err());
    const char *enc = "derived_encrypted_response.json";
    CHECK(verify(enc, NULL, NULL, "alipay.trade.query", cert, NULL) == PAYSIGN_OK, "encrypted: %s", err());
    CHECK(verify(enc, "MkvuiIZs", "MkvuiIZt", "alipay.trade.query", cert, NULL) == PAYSIGN_BAD_SIGNATURE, "tampered ct");

    paysign_key_free(gopay);
    paysign_key_free(cert);
    paysign_key_free(other);
    printf("c alipay: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
