/* paysign C ABI: PayPal IPN postback body, verdict of PayPal's answer, merchant checks and
 * field reading on the recorded bodies of testdata/paypal (sources: testdata/paypal/ipn.json)
 * with tampered twins and the bad-input statuses. Built with -Wall -Wextra -Werror and run
 * under valgrind by tests/c/run_paypal.sh. Prints "c paypal: N passed, M failed" last. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"

static const char CMD[] = "cmd=_notify-validate&";

static void postback_case(const char *file) {
    size_t len, out = 0;
    unsigned char *body = slurp(file, &len);
    char *want = malloc(len + sizeof CMD);
    memcpy(want, CMD, sizeof CMD - 1);
    memcpy(want + sizeof CMD - 1, body, len + 1);
    char *buf = malloc(len + 64);
    paysign_status s = paysign_paypal_postback(body, len, buf, len + 64, &out);
    CHECK(s == PAYSIGN_OK && strcmp(buf, want) == 0 && out == strlen(want), "%s: %d %s", file, s, err());
    s = paysign_paypal_postback(body, len, NULL, 0, &out);
    CHECK(s == PAYSIGN_BUFFER_TOO_SMALL && out == strlen(want), "%s size query: %d", file, s);
    memset(buf, 'x', len + 64);
    s = paysign_paypal_postback(body, len, buf, out, &out);
    CHECK(s == PAYSIGN_BUFFER_TOO_SMALL && buf[0] == 'x', "%s short buffer: %d", file, s);
    free(buf);
    free(want);
    free(body);
}

static paysign_status check_twin(const char *file, const char *replace, const char *with, const char *options) {
    size_t len;
    unsigned char *body = slurp_twin(file, replace, with, &len);
    paysign_status s = paysign_paypal_check(body, len, options);
    free(body);
    return s;
}

#define ANSWER(text) paysign_paypal_verdict((const uint8_t *)(text), strlen(text))

int main(int argc, char **argv) {
    dir = argc > 1 ? argv[1] : "testdata/paypal";
    const char *files[] = {"offsite-web-accept.body", "offsite-masspay.body", "harvesthand-live.body",
                           "derived-windows-1252.body", "derived-gb2312.body", "derived-utf-8.body"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) postback_case(files[i]);

    CHECK(ANSWER("VERIFIED") == PAYSIGN_OK, "VERIFIED");
    CHECK(ANSWER("VERIFIED\r\n") == PAYSIGN_OK, "VERIFIED CRLF");
    CHECK(ANSWER("INVALID") == PAYSIGN_BAD_SIGNATURE && strstr(err(), "INVALID"), "INVALID: %s", err());
    CHECK(ANSWER("") == PAYSIGN_MALFORMED_INPUT && strstr(err(), "empty"), "empty: %s", err());
    CHECK(ANSWER("<html>VERIFIED</html>") == PAYSIGN_MALFORMED_INPUT, "html");
    CHECK(ANSWER("verified") == PAYSIGN_MALFORMED_INPUT, "lower case");
    CHECK(paysign_paypal_verdict(NULL, 3) == PAYSIGN_NULL_ARGUMENT, "NULL answer");

    const char *opts = "receiver_email=tobi%40leetsoft.com&receiver_id=UQ8PDYXJZQD9Y&amount=500.00&currency=CAD"
                       "&payment_status=Completed&sandbox=1";
    const char *wa = "offsite-web-accept.body";
    CHECK(check_twin(wa, NULL, NULL, opts) == PAYSIGN_OK, "web accept: %s", err());
    CHECK(check_twin(wa, NULL, NULL, NULL) == PAYSIGN_OK, "no options: %s", err());
    CHECK(check_twin(wa, "mc_gross=500.00", "mc_gross=900.00", opts) == PAYSIGN_INVALID_FIELD &&
              strstr(err(), "'mc_gross'"), "amount twin: %s", err());
    CHECK(check_twin(wa, "receiver_email=tobi", "receiver_email=eve1", opts) == PAYSIGN_INVALID_FIELD &&
              strstr(err(), "'receiver_email'"), "receiver twin: %s", err());
    CHECK(check_twin(wa, "mc_currency=CAD", "mc_currency=USD", opts) == PAYSIGN_INVALID_FIELD &&
              strstr(err(), "'mc_currency'"), "currency twin: %s", err());
    CHECK(check_twin(wa, NULL, NULL, "sandbox=0") == PAYSIGN_INVALID_FIELD && strstr(err(), "'test_ipn'"),
          "sandbox to live: %s", err());
    CHECK(check_twin("harvesthand-live.body", NULL, NULL, "sandbox=1") == PAYSIGN_INVALID_FIELD, "live to sandbox");
    CHECK(check_twin(wa, NULL, NULL, "nope=1") == PAYSIGN_INVALID_ARGUMENT && strstr(err(), "'nope'"), "bad option");

    size_t len, out;
    char buf[128];
    unsigned char *body = slurp("derived-windows-1252.body", &len);
    CHECK(paysign_paypal_field(body, len, "first_name", buf, sizeof buf, &out) == PAYSIGN_OK &&
              strcmp(buf, "Jos\xc3\xa9 M\xc3\xbcller") == 0, "windows-1252 field: %s", err());
    CHECK(paysign_paypal_field(body, len, "nope", buf, sizeof buf, &out) == PAYSIGN_MISSING_FIELD &&
              strstr(err(), "'nope'"), "missing field");
    free(body);
    body = slurp("derived-gb2312.body", &len);
    CHECK(paysign_paypal_field(body, len, "first_name", buf, sizeof buf, &out) == PAYSIGN_OK &&
              strcmp(buf, "\xe4\xbd\xa0\xe5\xa5\xbd") == 0, "gb2312 field: %s", err());
    free(body);
    body = slurp("offsite-web-accept.body", &len);
    CHECK(paysign_paypal_field(body, len, "txn_id", buf, sizeof buf, &out) == PAYSIGN_OK &&
              strcmp(buf, "6G996328CK404320L") == 0, "txn_id");
    free(body);

    const char *prepared = "cmd=_notify-validate&mc_gross=1.00";
    CHECK(paysign_paypal_postback((const uint8_t *)prepared, strlen(prepared), buf, sizeof buf, &out) ==
              PAYSIGN_INVALID_FIELD && strstr(err(), "'cmd'"), "prepared twice: %s", err());
    const char *spaced = "address_street=1 Main St";
    CHECK(paysign_paypal_postback((const uint8_t *)spaced, strlen(spaced), buf, sizeof buf, &out) ==
              PAYSIGN_MALFORMED_INPUT && strstr(err(), "'address_street'"), "raw space: %s", err());
    CHECK(paysign_paypal_postback(NULL, 4, buf, sizeof buf, &out) == PAYSIGN_NULL_ARGUMENT, "NULL body");

    /* diagnose: the sent postback with '+' re-encoded as %20, posted to the live host. */
    {
        size_t blen;
        unsigned char *raw = slurp("offsite-web-accept.body", &blen);
        size_t slen = sizeof CMD - 1;
        char *sent = malloc(sizeof CMD + 3 * blen);
        memcpy(sent, CMD, slen);
        for (size_t i = 0; i < blen; i++) {
            if (raw[i] == '+') {
                memcpy(sent + slen, "%20", 3);
                slen += 3;
            } else {
                sent[slen++] = (char)raw[i];
            }
        }
        char report[2048];
        paysign_status s = paysign_paypal_diagnose(raw, blen, (const uint8_t *)sent, slen, "ipnpb.paypal.com",
                                                   report, sizeof report, &out);
        CHECK(s == PAYSIGN_OK && strstr(report, "\"sandbox_to_live_host\"") && strstr(report, "\"plus_vs_pct20\"") &&
                  out == strlen(report),
              "diagnose: %d %s", s, report);
        s = paysign_paypal_diagnose(raw, blen, NULL, 0, NULL, report, sizeof report, &out);
        CHECK(s == PAYSIGN_OK && strcmp(report, "{\"mode\":\"paypal_postback\",\"findings\":[]}") == 0,
              "diagnose, nothing to compare: %s", report);
        s = paysign_paypal_diagnose(raw, blen, (const uint8_t *)sent, slen, "ipnpb.paypal.com", NULL, 0, &out);
        CHECK(s == PAYSIGN_BUFFER_TOO_SMALL && out > 60, "diagnose size query: %d %zu", s, out);
        CHECK(paysign_paypal_diagnose(raw, blen, NULL, 5, NULL, report, sizeof report, &out) == PAYSIGN_NULL_ARGUMENT &&
                  strstr(err(), "sent"),
              "diagnose NULL sent with a length: %s", err());
        free(sent);
        free(raw);
    }

    printf("c paypal: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}
