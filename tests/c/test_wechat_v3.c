/* paysign C ABI: WeChat Pay API v3 (Authorization header, JSAPI/APP paySign, response and
 * notification verification with the replay window, resource decryption, the platform-certificate
 * download) on the vectors in
 * testdata/wechat_v3 (sources: testdata/wechat_v3/SOURCES.md), with tampered twins, the
 * buffer rules and the bad-input statuses. Built with -Wall -Wextra -Werror and run under
 * valgrind by tests/c/run_wechat_v3.sh. Prints "c wechat-v3: N passed, M failed" last. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"

/* DERIVED signatures (openssl CLI; testdata/wechat_v3/SOURCES.md). */
static const char *GET_SIG = "Yql2HJi5R+/B/WzOlH5KqIUNOCTrECi808qopAT8Pk2vUdtZln2Wmz/zkA6+HpMD7BuThk5ikNOpI7+8yVt+wLdak6RZPOd3ZUMwfgmrN2Vl2aF7yjFov07paW3Dix7NAL+J402H92DUu8LCSbzoU2XnNNHGFCxR7Zkkp3V/QYau9vml2BTQi87rqaq5xpYGPfBbPtPUEcvoYjhIlrplVh89P8/ktk4H+PG22zBongaOlQYPVTx3k2vlik7PWc+wX225vk4C8ryZ8e/l4XwyRQf7kWEJCBKT1GBPNzbO18N2UMJDyGkyuYwhyWSJ9QomxYwZWUGExbo/68Ao6yLcKA==";
static const char *JSAPI_SIG = "Uvgm57c+/kZHCS8g8wjy/Bu2kE4+UrHnpshEwMRp0Wl3t6bnnTtecnAKboVjgd5B8uzf3qW+mWgJM3lD4AzduLt9W3AIWniYMwUEoReisulc0JilQklPvjWNQC5YKq49auOxooRcFgu3sRMSe1oSq7fBV40AlPdLp399hrriLv6Omy38ifJfsEk1X7IAaOotNTaoT/+ZpraGPTNhkxot2FfU7fM0n3r0JMODKpfeerCKiirMDczqJUBQvZ9hYZYv14O0qcghyvrSVuoXnI/1qaqnXB9lsrudXLKP7uLAPcpkVRA8/2WV3C9KTn00qSP29Tc5e7TNjQWMGSj0/FEAug==";
static const char *APP_SIG = "LUb6W20Ijj/Tf06cmW9ZnTRsgK5TZOBvG3k08/rVqHqfCwbjhWTfiKg3yj+8t0ORJNSQUv8X89xqyvG19Yic6hPKTBLLRnkax9/YvC+Z1W5L5ItZw3ameJEwYDfHNf9w4Gc8mKVtzFjC0hkeh6j5NUMUrwSdFKhfeo/sRBhTg7jJiBf/S3Ctmk+Is2GE5GbjJUgC/m5HY5cR+SdAy0Lkte46ABUQYbJjQZPyJ3HkpWW+KRVbc9Ba7sj7r70WJ8hKuXGMm1EZzpsqgW3l06UHH4mb/85MdbZqbVPNrqHc/GKxvGsFKsejBF36EI4traDlmdlW7ix7KtmhboMzZzc3Cw==";
static const char *RESP_SIG = "1EvJteDDa9rMtZKZ3UIhZ7haTwr4WBBGjMv6MzOzOkZeyWcwPiVDskYxQuuhoGblfuPCnyTdfxpk9wA2D9vw2ft0PoNFJLOlnfQThcMkilX8YmRZMCPJsKJCvsxbqng386RjjFDn5RI95O6w5SJWgH/mDmD4CTpH+eCe8t+1eSv9hSldIPdQ62MkPDb0zXnn+4ul22CEbyJlvjePXp5o2jhK0zmkruBonu+s7jMNrZDL27X4svDINpf0gru8KVHnSrt56Q36Um2h3d8UtvspKtpfhaV0bukPPg+uur7Cq1wj2rbLyA0iDcCD/6cc4FSCeJC0+VR+bGULG3eDOdlmgA==";
static const char *NOTIFY_SIG = "PlgYBt3yb7VgF/MqvOndUqdXJ1pUR0dNGNA3J4SzGVj9vCgZwkBip/INP+7vMZY0oWhK1tfs37LJD1lAgDI5G86lNDiK7uJiNhkx9X7mi0iDsvudd7Qz/mQ5w/Zx/qdaYItczMWBG9zdBqnv1oVfoDntKbSmhM7LwyXeHj7vFs4pkUbmops6eB4ETgUQEpJi3FHoYTXge6jOjlHlRZqaAvZmY/COrJi4FCUGn4bgc6z1SiVMuv0PrSFS/NrbLIWySCkaecVdx8+z25ScxdWGVByB0i6GsKxOgBnW0pYRMwZKU5OFT2qCvyq7TEh9bHE/6YgHFKBeV1NY3MOndP/wPw==";
static const char *MERCHANT_SERIAL = "5F1C72E2A8931B72A2E13AF8DEE92471EB397115";
static const char *PLATFORM_SERIAL = "440024045C4A427599D09BB4E3DE0279F2E813FD";
static const char *APIV3_KEY = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";

static void authorization(paysign_key *merchant) {
    char buf[1024], want[1024];
    size_t out = 0;
    snprintf(want, sizeof want,
             "WECHATPAY2-SHA256-RSA2048 mchid=\"1900009191\",nonce_str=\"593BEC0C930BF1AFEB40B4A08C8FB242\","
             "signature=\"%s\",timestamp=\"1554208460\",serial_no=\"%s\"",
             GET_SIG, MERCHANT_SERIAL);
    paysign_status s = paysign_wechat_v3_authorization("GET", "/v3/certificates", "1554208460",
                                                       "593BEC0C930BF1AFEB40B4A08C8FB242", NULL, 0, "1900009191",
                                                       MERCHANT_SERIAL, merchant, buf, sizeof buf, &out);
    CHECK(s == PAYSIGN_OK && strcmp(buf, want) == 0 && out == strlen(want), "GET header: %d %s", s, err());
    /* size query, then one byte short: nothing written */
    s = paysign_wechat_v3_authorization("GET", "/v3/certificates", "1554208460", "593BEC0C930BF1AFEB40B4A08C8FB242",
                                        NULL, 0, "1900009191", MERCHANT_SERIAL, merchant, NULL, 0, &out);
    CHECK(s == PAYSIGN_BUFFER_TOO_SMALL && out == strlen(want), "size query: %d", s);
    memset(buf, 'x', sizeof buf);
    s = paysign_wechat_v3_authorization("GET", "/v3/certificates", "1554208460", "593BEC0C930BF1AFEB40B4A08C8FB242",
                                        NULL, 0, "1900009191", MERCHANT_SERIAL, merchant, buf, out, &out);
    CHECK(s == PAYSIGN_BUFFER_TOO_SMALL && buf[0] == 'x', "short buffer: %d", s);
    /* generated timestamp and nonce: same length every call */
    size_t a = 0, b = 0;
    s = paysign_wechat_v3_authorization("GET", "/v3/certificates", NULL, NULL, NULL, 0, "1900009191",
                                        MERCHANT_SERIAL, merchant, NULL, 0, &a);
    CHECK(s == PAYSIGN_BUFFER_TOO_SMALL, "generated size query: %d", s);
    s = paysign_wechat_v3_authorization("GET", "/v3/certificates", NULL, NULL, NULL, 0, "1900009191",
                                        MERCHANT_SERIAL, merchant, buf, sizeof buf, &b);
    CHECK(s == PAYSIGN_OK && a == b && strstr(buf, "nonce_str=\"") != NULL, "generated: %d %zu %zu", s, a, b);
    /* tampered twin: a body changes the signature */
    s = paysign_wechat_v3_authorization("GET", "/v3/certificates", "1554208460", "593BEC0C930BF1AFEB40B4A08C8FB242",
                                        (const uint8_t *)"x", 1, "1900009191", MERCHANT_SERIAL, merchant, buf,
                                        sizeof buf, &out);
    CHECK(s == PAYSIGN_OK && strstr(buf, GET_SIG) == NULL, "body signed: %d", s);
    /* bad inputs name the argument */
    s = paysign_wechat_v3_authorization("GET", "https://api.mch.weixin.qq.com/v3/certificates", "1", "n", NULL, 0,
                                        "1", MERCHANT_SERIAL, merchant, buf, sizeof buf, &out);
    CHECK(s == PAYSIGN_INVALID_ARGUMENT && strstr(err(), "url") != NULL, "full url: %d %s", s, err());
    s = paysign_wechat_v3_authorization("get", "/v3/x", "1", "n", NULL, 0, "1", MERCHANT_SERIAL, merchant, buf,
                                        sizeof buf, &out);
    CHECK(s == PAYSIGN_INVALID_ARGUMENT && strstr(err(), "method") != NULL, "lower method: %d %s", s, err());
    s = paysign_wechat_v3_authorization("GET", "/v3/x", "1", "n", NULL, 0, "1", NULL, merchant, buf, sizeof buf, &out);
    CHECK(s == PAYSIGN_INVALID_ARGUMENT && strstr(err(), "serial_no") != NULL, "no serial: %d %s", s, err());
    s = paysign_wechat_v3_authorization("GET", "/v3/x", "1", "n", NULL, 0, NULL, MERCHANT_SERIAL, merchant, buf,
                                        sizeof buf, &out);
    CHECK(s == PAYSIGN_NULL_ARGUMENT && strstr(err(), "mchid") != NULL, "NULL mchid: %d %s", s, err());
    s = paysign_wechat_v3_authorization("GET", "/v3/x", "1", "n", NULL, 5, "1", MERCHANT_SERIAL, merchant, buf,
                                        sizeof buf, &out);
    CHECK(s == PAYSIGN_NULL_ARGUMENT && strstr(err(), "body") != NULL, "NULL body with length: %d %s", s, err());
    s = paysign_wechat_v3_authorization("GET", "/v3/x", "1", "n", NULL, 0, "1", MERCHANT_SERIAL, NULL, buf,
                                        sizeof buf, &out);
    CHECK(s == PAYSIGN_NULL_ARGUMENT, "NULL key: %d", s);
}

static void client_signs(paysign_key *merchant, paysign_key *platform) {
    char buf[512];
    size_t out = 0;
    paysign_status s = paysign_wechat_v3_client_sign("jsapi", "wx8888888888888888", "1414561699",
                                                    "5K8264ILTKCH16CQ2502SI8ZNMTM67VS",
                                                    "prepay_id=wx201410272009395522657a690389285100", merchant, buf,
                                                    sizeof buf, &out);
    CHECK(s == PAYSIGN_OK && strcmp(buf, JSAPI_SIG) == 0 && out == strlen(JSAPI_SIG), "jsapi: %d %s", s, err());
    s = paysign_wechat_v3_client_sign("app", "wx8888888888888888", "1414561699", "5K8264ILTKCH16CQ2502SI8ZNMTM67VS",
                                   "WX1217752501201407033233368018", merchant, buf, sizeof buf, &out);
    CHECK(s == PAYSIGN_OK && strcmp(buf, APP_SIG) == 0, "app: %d %s", s, err());
    s = paysign_wechat_v3_client_sign("app", "wx8888888888888888", "1414561699", "5K8264ILTKCH16CQ2502SI8ZNMTM67VS",
                                   "WX1217752501201407033233368019", merchant, buf, sizeof buf, &out);
    CHECK(s == PAYSIGN_OK && strcmp(buf, APP_SIG) != 0, "app tampered: %d", s);
    s = paysign_wechat_v3_client_sign("jsapi", "wx8888888888888888", "1414561699", "n", "prepay_id=x", platform, buf,
                                     sizeof buf, &out);
    CHECK(s == PAYSIGN_KEY_MISMATCH, "certificate cannot sign: %d", s);
    s = paysign_wechat_v3_client_sign("jsapi", "wx8888888888888888", "14145.1699", "n", "prepay_id=x", merchant, buf,
                                     sizeof buf, &out);
    CHECK(s == PAYSIGN_INVALID_ARGUMENT && strstr(err(), "timeStamp") != NULL, "bad timeStamp: %d %s", s, err());
    s = paysign_wechat_v3_client_sign("app", "wx8888888888888888", "1", "n", NULL, merchant, buf, sizeof buf, &out);
    CHECK(s == PAYSIGN_NULL_ARGUMENT && strstr(err(), "prepay") != NULL, "NULL prepayid: %d %s", s, err());
    s = paysign_wechat_v3_client_sign("h5", "a", "1", "n", "p", merchant, buf, sizeof buf, &out);
    CHECK(s == PAYSIGN_INVALID_ARGUMENT && strstr(err(), "h5") != NULL, "unknown kind: %d %s", s, err());
}

static paysign_status resp(const char *ts, const char *sig, const char *serial, const char *body,
                           const paysign_key *key, const char *options) {
    return paysign_wechat_v3_verify(ts, "nonce-resp-1", sig, serial, (const uint8_t *)body, strlen(body), key,
                                    options);
}

static void verification(paysign_key *platform, paysign_key *pubkey, paysign_key *merchant) {
    const char *body = "{\"code\":\"SUCCESS\"}";
    const char *id = "PUB_KEY_ID_0114232134912410000000000000";
    CHECK(resp("1700000000", RESP_SIG, PLATFORM_SERIAL, body, platform, "now=1700000100") == PAYSIGN_OK,
          "platform cert: %s", err());
    CHECK(resp("1700000000", RESP_SIG, PLATFORM_SERIAL, "{\"code\": \"SUCCESS\"}", platform, "now=1700000100") ==
              PAYSIGN_BAD_SIGNATURE,
          "re-serialised body");
    CHECK(strstr(err(), "Wechatpay-Signature") != NULL, "reason: %s", err());
    CHECK(resp("1700000001", RESP_SIG, PLATFORM_SERIAL, body, platform, "now=1700000100") == PAYSIGN_BAD_SIGNATURE,
          "tampered timestamp");
    CHECK(resp("1700000000", RESP_SIG, id, body, pubkey, "now=1700000000") == PAYSIGN_OK, "public key: %s", err());
    CHECK(resp("1700000000", RESP_SIG, id, body, pubkey, "now=1700000000&key_id=PUB_KEY_ID_0114232134912410000000000000") ==
              PAYSIGN_OK,
          "public key pinned: %s", err());
    CHECK(resp("1700000000", RESP_SIG, id, body, pubkey, "now=1700000000&key_id=PUB_KEY_ID_1") == PAYSIGN_KEY_MISMATCH,
          "other key id");
    CHECK(resp("1700000000", RESP_SIG, MERCHANT_SERIAL, body, platform, "now=1700000000") == PAYSIGN_KEY_MISMATCH,
          "wrong serial");
    CHECK(strstr(err(), PLATFORM_SERIAL) != NULL, "names the certificate's serial: %s", err());
    CHECK(resp("1700000000", RESP_SIG, PLATFORM_SERIAL, body, pubkey, "now=1700000000") == PAYSIGN_KEY_MISMATCH,
          "bare key for a certificate serial");
    /* a merchant-key signature under the platform certificate's serial */
    char other[512];
    size_t out;
    CHECK(paysign_wechat_v3_client_sign("app", "a", "1", "n", "p", merchant, other, sizeof other, &out) == PAYSIGN_OK, "sign");
    CHECK(resp("1700000000", other, PLATFORM_SERIAL, body, platform, "now=1700000000") == PAYSIGN_BAD_SIGNATURE,
          "other key's signature");
    /* window */
    CHECK(resp("1700000000", RESP_SIG, PLATFORM_SERIAL, body, platform, "now=1700000301") == PAYSIGN_STALE_TIMESTAMP,
          "stale");
    CHECK(strstr(err(), "Wechatpay-Timestamp") != NULL, "stale reason: %s", err());
    CHECK(resp("1700000000", RESP_SIG, PLATFORM_SERIAL, body, platform, "now=1699999699") == PAYSIGN_STALE_TIMESTAMP,
          "future");
    CHECK(resp("1700000000", RESP_SIG, PLATFORM_SERIAL, body, platform, NULL) == PAYSIGN_STALE_TIMESTAMP,
          "default window, real clock");
    CHECK(resp("1700000000", RESP_SIG, PLATFORM_SERIAL, body, platform, "now=1700000600&window=600") == PAYSIGN_OK,
          "wider window");
    CHECK(resp("1700000000", RESP_SIG, PLATFORM_SERIAL, body, platform, "window=0") == PAYSIGN_OK, "window off");
    /* bad inputs */
    CHECK(resp("1700000000", RESP_SIG, PLATFORM_SERIAL, body, platform, "hash=sha1") == PAYSIGN_INVALID_ARGUMENT,
          "unknown option");
    CHECK(resp("", RESP_SIG, PLATFORM_SERIAL, body, platform, NULL) == PAYSIGN_MISSING_FIELD, "empty timestamp");
    CHECK(resp("1700000000", "not base64!", PLATFORM_SERIAL, body, platform, "now=1700000000") ==
              PAYSIGN_INVALID_FIELD,
          "signature not base64");
    CHECK(resp(NULL, RESP_SIG, PLATFORM_SERIAL, body, platform, NULL) == PAYSIGN_NULL_ARGUMENT, "NULL timestamp");
    CHECK(strstr(err(), "timestamp") != NULL, "names it: %s", err());
    CHECK(resp("1700000000", RESP_SIG, PLATFORM_SERIAL, body, NULL, NULL) == PAYSIGN_NULL_ARGUMENT, "NULL key");
}

static void notification(paysign_key *platform) {
    size_t len, plain_len;
    unsigned char *body = slurp("notification_body.json", &len);
    unsigned char *plain = slurp("notification_plain.json", &plain_len);
    paysign_status s = paysign_wechat_v3_verify("1700000000", "c6a1d9a8d5f14b2f9e0e3a7b6c5d4e3f", NOTIFY_SIG,
                                                PLATFORM_SERIAL, body, len, platform, "now=1700000042");
    CHECK(s == PAYSIGN_OK, "notification verify: %d %s", s, err());
    size_t out = 0;
    s = paysign_wechat_v3_decrypt(body, len, (const uint8_t *)APIV3_KEY, 32, NULL, 0, &out);
    CHECK(s == PAYSIGN_BUFFER_TOO_SMALL && out == plain_len, "decrypt size query: %d %zu", s, out);
    char *buf = malloc(out + 1);
    memset(buf, 'x', out);
    s = paysign_wechat_v3_decrypt(body, len, (const uint8_t *)APIV3_KEY, 32, buf, out, &out);
    CHECK(s == PAYSIGN_BUFFER_TOO_SMALL && buf[0] == 'x', "decrypt short buffer: %d", s);
    s = paysign_wechat_v3_decrypt(body, len, (const uint8_t *)APIV3_KEY, 32, buf, out + 1, &out);
    CHECK(s == PAYSIGN_OK && memcmp(buf, plain, plain_len) == 0 && buf[plain_len] == 0, "decrypt: %d %s", s, err());
    free(buf);
    char small[64];
    s = paysign_wechat_v3_decrypt(body, len, (const uint8_t *)"a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gc", 32, small,
                                  sizeof small, &out);
    CHECK(s == PAYSIGN_DECRYPT_ERROR, "wrong key: %d", s);
    s = paysign_wechat_v3_decrypt(body, len, (const uint8_t *)APIV3_KEY, 16, small, sizeof small, &out);
    CHECK(s == PAYSIGN_KEY_ERROR && strstr(err(), APIV3_KEY) == NULL, "short key, not echoed: %d %s", s, err());
    /* tampered twin: one ciphertext character */
    char *at = strstr((char *)body, "\"ciphertext\":\"") + 14;
    *at = *at == 'A' ? 'B' : 'A';
    s = paysign_wechat_v3_verify("1700000000", "c6a1d9a8d5f14b2f9e0e3a7b6c5d4e3f", NOTIFY_SIG, PLATFORM_SERIAL, body,
                                 len, platform, "now=1700000042");
    CHECK(s == PAYSIGN_BAD_SIGNATURE, "tampered notification verify: %d", s);
    s = paysign_wechat_v3_decrypt(body, len, (const uint8_t *)APIV3_KEY, 32, small, sizeof small, &out);
    CHECK(s == PAYSIGN_DECRYPT_ERROR, "tampered decrypt: %d", s);
    s = paysign_wechat_v3_decrypt((const uint8_t *)"{}", 2, (const uint8_t *)APIV3_KEY, 32, small, sizeof small, &out);
    CHECK(s == PAYSIGN_MISSING_FIELD && strstr(err(), "resource") != NULL, "no resource: %d %s", s, err());
    s = paysign_wechat_v3_decrypt((const uint8_t *)"{", 1, (const uint8_t *)APIV3_KEY, 32, small, sizeof small, &out);
    CHECK(s == PAYSIGN_MALFORMED_INPUT, "not JSON: %d", s);
    s = paysign_wechat_v3_decrypt(body, len, NULL, 32, small, sizeof small, &out);
    CHECK(s == PAYSIGN_NULL_ARGUMENT && strstr(err(), "apiv3_key") != NULL, "NULL key: %d %s", s, err());
    free(body);
    free(plain);
}

/* The JSON text of a string (the PEM's line feeds become \n; PEM holds no quote or backslash). */
static char *json_string(const unsigned char *s, size_t len) {
    char *out = malloc(2 * len + 3), *o = out;
    *o++ = '"';
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\n') { *o++ = '\\'; *o++ = 'n'; } else { *o++ = (char)s[i]; }
    }
    *o++ = '"';
    *o = 0;
    return out;
}

static void certificate_download(void) {
    size_t len, pem_len, out = 0;
    unsigned char *body = slurp("sdk_certificate_download.json", &len);
    unsigned char *pem = slurp("downloaded_platform_certificate.pem", &pem_len);
    char *pem_json = json_string(pem, pem_len);
    char *want = malloc(strlen(pem_json) + 256);
    sprintf(want,
            "[{\"serial_no\":\"5DEA10EF55877E3CF6C33255C2E7DEFFF7E427EC\",\"effective_time\":\"2023-09-19T23:15:58+08:00\","
            "\"expire_time\":\"2028-09-17T23:15:58+08:00\",\"pem\":%s}]",
            pem_json);
    paysign_status s = paysign_wechat_v3_certificates(body, len, (const uint8_t *)APIV3_KEY, 32, NULL, 0, &out);
    CHECK(s == PAYSIGN_BUFFER_TOO_SMALL && out == strlen(want), "certificates size query: %d %zu", s, out);
    char *buf = malloc(out + 1);
    memset(buf, 'x', out + 1);
    s = paysign_wechat_v3_certificates(body, len, (const uint8_t *)APIV3_KEY, 32, buf, out, &out);
    CHECK(s == PAYSIGN_BUFFER_TOO_SMALL && buf[0] == 'x', "certificates short buffer: %d", s);
    s = paysign_wechat_v3_certificates(body, len, (const uint8_t *)APIV3_KEY, 32, buf, out + 1, &out);
    CHECK(s == PAYSIGN_OK && strcmp(buf, want) == 0, "certificates of the SDK response: %d %s", s, err());
    free(buf);
    /* the PEM handed back loads as a key */
    paysign_key *k = NULL;
    s = paysign_key_load(pem, pem_len, NULL, &k);
    CHECK(s == PAYSIGN_OK, "downloaded PEM loads: %d %s", s, err());
    paysign_key_free(k);
    char small[64];
    s = paysign_wechat_v3_certificates(body, len, (const uint8_t *)"a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gc", 32, small,
                                       sizeof small, &out);
    CHECK(s == PAYSIGN_DECRYPT_ERROR && strstr(err(), "data[0] (serial_no 5DEA10EF") != NULL, "wrong key: %d %s", s,
          err());
    s = paysign_wechat_v3_certificates(body, len, (const uint8_t *)APIV3_KEY, 31, small, sizeof small, &out);
    CHECK(s == PAYSIGN_KEY_ERROR && strstr(err(), "a7cde1") == NULL, "short key, not echoed: %d %s", s, err());
    /* tampered twin: serial_no names another certificate than the one encrypted */
    char *at = strstr((char *)body, "5DEA10EF55877E3CF6C33255C2E7DEFFF7E427EC");
    at[39] = 'D';
    s = paysign_wechat_v3_certificates(body, len, (const uint8_t *)APIV3_KEY, 32, small, sizeof small, &out);
    CHECK(s == PAYSIGN_KEY_MISMATCH && strstr(err(), "data[0] (serial_no 5DEA10EF55877E3CF6C33255C2E7DEFFF7E427ED)") &&
              strstr(err(), "serial is 5DEA10EF55877E3CF6C33255C2E7DEFFF7E427EC"),
          "serial mismatch: %d %s", s, err());
    s = paysign_wechat_v3_certificates((const uint8_t *)"{\"data\":[]}", 11, (const uint8_t *)APIV3_KEY, 32, small,
                                       sizeof small, &out);
    CHECK(s == PAYSIGN_MISSING_FIELD && strstr(err(), "'data'") != NULL, "empty data: %d %s", s, err());
    s = paysign_wechat_v3_certificates(NULL, 5, (const uint8_t *)APIV3_KEY, 32, small, sizeof small, &out);
    CHECK(s == PAYSIGN_NULL_ARGUMENT && strstr(err(), "body") != NULL, "NULL body: %d %s", s, err());
    free(body);
    free(pem);
    free(pem_json);
    free(want);
    /* two entries (DERIVED), in the response's order */
    body = slurp("derived_certificate_download.json", &len);
    s = paysign_wechat_v3_certificates(body, len, (const uint8_t *)APIV3_KEY, 32, NULL, 0, &out);
    buf = malloc(out + 1);
    s = paysign_wechat_v3_certificates(body, len, (const uint8_t *)APIV3_KEY, 32, buf, out + 1, &out);
    char *first = strstr(buf, "\"serial_no\":\"5DEA10EF55877E3CF6C33255C2E7DEFFF7E427EC\"");
    char *second = strstr(buf, "\"serial_no\":\"440024045C4A427599D09BB4E3DE0279F2E813FD\"");
    CHECK(s == PAYSIGN_OK && first == buf + 2 && second > first, "two certificates in order: %d %s", s, err());
    free(buf);
    free(body);
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: %s testdata/wechat_v3\n", argv[0]); return 2; }
    dir = argv[1];
    paysign_key *merchant = load("merchant_private_key.pem");
    paysign_key *platform = load("derived_platform_certificate.pem");
    paysign_key *pubkey = load("wechat_pay_public_key.pem");
    authorization(merchant);
    client_signs(merchant, platform);
    verification(platform, pubkey, merchant);
    notification(platform);
    certificate_download();
    paysign_key_free(merchant);
    paysign_key_free(platform);
    paysign_key_free(pubkey);
    printf("c wechat-v3: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
