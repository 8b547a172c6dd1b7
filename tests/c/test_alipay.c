/* paysign C ABI: Alipay certificate SNs, synchronous response verification and AES content
 * encryption on the vectors in testdata/alipay (sources: testdata/alipay/SOURCES.md), with
 * tampered twins and the bad-input statuses. Built with -Wall -Wextra -Werror and run under valgrind by
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
    unsigned char *body = slurp_twin(file, replace, with, &len);
    paysign_status s = paysign_alipay_verify_response(body, len, method, key, options);
    free(body);
    return s;
}

/* The value of "name=" in a vector file of name=value lines (gopay_aes.txt); exits 2 when absent. */
static char *vector(const char *file, const char *name) {
    size_t len, n = strlen(name);
    char *text = (char *)slurp(file, &len);
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        if (strncmp(line, name, n) == 0 && line[n] == '=') {
            char *v = strdup(line + n + 1);
            free(text);
            return v;
        }
    }
    exit(2);
}

static paysign_status decrypt(const char *file, const char *replace, const char *with, const paysign_key *aes,
                              const char *options, char *buf, size_t cap, size_t *out) {
    size_t len;
    unsigned char *body = slurp_twin(file, replace, with, &len);
    paysign_status s = paysign_alipay_decrypt_response(body, len, "alipay.trade.query", aes, options, buf, cap, out);
    free(body);
    return s;
}

/* AES content encryption (encrypt_type=AES): gopay's vector both ways, the derived encrypted
 * response after its signature holds, and every bad key or body its own status. */
static void aes_cases(const paysign_key *cert) {
    char *key_b64 = vector("gopay_aes.txt", "key");
    char *ct = vector("gopay_aes.txt", "ciphertext");
    char *plain = vector("gopay_aes.txt", "plaintext");
    const uint8_t *pt = (const uint8_t *)plain;
    size_t ptlen = strlen(plain), out = 0;
    char buf[512];
    paysign_key *aes = NULL, *wrong = NULL, *short_key = NULL, *not_b64 = NULL;
    CHECK(paysign_key_secret(key_b64, &aes) == PAYSIGN_OK, "AES key");
    CHECK(paysign_key_secret("AAAAAAAAAAAAAAAAAAAAAA==", &wrong) == PAYSIGN_OK, "wrong key");
    CHECK(paysign_key_secret("c2hvcnQ=", &short_key) == PAYSIGN_OK, "short key");
    CHECK(paysign_key_secret("not base64!", &not_b64) == PAYSIGN_OK, "non-base64 key");

    paysign_status s = paysign_alipay_encrypt(aes, pt, ptlen, buf, sizeof buf, &out);
    CHECK(s == PAYSIGN_OK && strcmp(buf, ct) == 0 && out == strlen(ct), "encrypt: %d %s", s, err());
    s = paysign_alipay_encrypt(aes, pt, ptlen, NULL, 0, &out);
    CHECK(s == PAYSIGN_BUFFER_TOO_SMALL && out == strlen(ct), "encrypt size query: %d", s);
    memset(buf, 'x', sizeof buf);
    s = paysign_alipay_encrypt(aes, pt, ptlen, buf, out, &out);
    CHECK(s == PAYSIGN_BUFFER_TOO_SMALL && buf[0] == 'x', "encrypt short buffer: %d", s);
    s = paysign_alipay_encrypt(short_key, pt, ptlen, buf, sizeof buf, &out);
    CHECK(s == PAYSIGN_KEY_ERROR && strstr(err(), "5 bytes") != NULL, "encrypt short key: %d %s", s, err());
    CHECK(paysign_alipay_encrypt(not_b64, pt, ptlen, buf, sizeof buf, &out) == PAYSIGN_KEY_ERROR, "encrypt non-base64 key");
    CHECK(paysign_alipay_encrypt(cert, pt, ptlen, buf, sizeof buf, &out) == PAYSIGN_KEY_MISMATCH, "encrypt cert: %s", err());
    CHECK(paysign_alipay_encrypt(NULL, pt, ptlen, buf, sizeof buf, &out) == PAYSIGN_NULL_ARGUMENT, "encrypt NULL key");
    CHECK(paysign_alipay_encrypt(aes, NULL, 5, buf, sizeof buf, &out) == PAYSIGN_NULL_ARGUMENT, "encrypt NULL plain");

    const char *enc = "derived_encrypted_response.json";
    CHECK(verify(enc, NULL, NULL, "alipay.trade.query", cert, NULL) == PAYSIGN_OK, "encrypted verifies: %s", err());
    s = decrypt(enc, NULL, NULL, aes, NULL, buf, sizeof buf, &out);
    CHECK(s == PAYSIGN_OK && strcmp(buf, plain) == 0 && out == ptlen, "decrypt: %d %s", s, err());
    s = decrypt(enc, NULL, NULL, aes, "charset=utf-8", buf, sizeof buf, &out);
    CHECK(s == PAYSIGN_OK && strcmp(buf, plain) == 0, "decrypt charset option: %d %s", s, err());
    s = decrypt(enc, NULL, NULL, aes, NULL, NULL, 0, &out);
    CHECK(s == PAYSIGN_BUFFER_TOO_SMALL && out == ptlen, "decrypt size query: %d", s);
    memset(buf, 'x', sizeof buf);
    s = decrypt(enc, NULL, NULL, aes, NULL, buf, out, &out);
    CHECK(s == PAYSIGN_BUFFER_TOO_SMALL && buf[0] == 'x', "decrypt short buffer: %d", s);
    /* Tampered twin: the byte that fails the signature also fails the decryption (first block
     * garbled: not UTF-8); one in the last block breaks the padding. */
    CHECK(verify(enc, "MkvuiIZs", "MkvuiIZt", "alipay.trade.query", cert, NULL) == PAYSIGN_BAD_SIGNATURE, "tampered verify");
    s = decrypt(enc, "MkvuiIZs", "MkvuiIZt", aes, NULL, buf, sizeof buf, &out);
    CHECK(s == PAYSIGN_DECRYPT_ERROR, "tampered first block: %d %s", s, err());
    s = decrypt(enc, "UGStlpvcg", "UGTtlpvcg", aes, NULL, buf, sizeof buf, &out);
    CHECK(s == PAYSIGN_DECRYPT_ERROR && strstr(err(), "padding") != NULL, "tampered last block: %d %s", s, err());
    s = decrypt(enc, NULL, NULL, wrong, NULL, buf, sizeof buf, &out);
    CHECK(s == PAYSIGN_DECRYPT_ERROR, "wrong key: %d %s", s, err());
    s = decrypt(enc, NULL, NULL, short_key, NULL, buf, sizeof buf, &out);
    CHECK(s == PAYSIGN_KEY_ERROR && strstr(err(), "5 bytes") != NULL, "decrypt short key: %d %s", s, err());
    CHECK(decrypt(enc, NULL, NULL, cert, NULL, buf, sizeof buf, &out) == PAYSIGN_KEY_MISMATCH, "decrypt cert: %s", err());
    s = decrypt("derived_cert_mode_response.json", NULL, NULL, aes, NULL, buf, sizeof buf, &out);
    CHECK(s == PAYSIGN_INVALID_FIELD && strstr(err(), "alipay_trade_query_response") != NULL &&
          strstr(err(), key_b64) == NULL, "plain node: %d %s", s, err());
    CHECK(decrypt(enc, NULL, NULL, aes, "sign_type=RSA2", buf, sizeof buf, &out) == PAYSIGN_INVALID_ARGUMENT, "option");
    CHECK(decrypt(enc, NULL, NULL, NULL, NULL, buf, sizeof buf, &out) == PAYSIGN_NULL_ARGUMENT, "decrypt NULL key");
    s = paysign_alipay_decrypt_response((const uint8_t *)"{}", 2, NULL, aes, NULL, buf, sizeof buf, &out);
    CHECK(s == PAYSIGN_NULL_ARGUMENT, "decrypt NULL method: %d", s);
    s = paysign_alipay_decrypt_response((const uint8_t *)"{}", 2, "alipay.trade.query", aes, NULL, buf, sizeof buf, &out);
    CHECK(s == PAYSIGN_MALFORMED_INPUT, "no node: %d %s", s, err());

    paysign_key_free(aes);
    paysign_key_free(wrong);
    paysign_key_free(short_key);
    paysign_key_free(not_b64);
    free(key_b64);
    free(ct);
    free(plain);
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
    aes_cases(cert);

    paysign_key_free(gopay);
    paysign_key_free(cert);
    paysign_key_free(other);
    printf("c alipay: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
