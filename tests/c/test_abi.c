/* paysign C ABI tests: every shared vector through the C ABI, then the ABI contract
 * (NULL arguments, buffer rules, statuses, last error, params, keys, reply).
 * Built with -Wall -Wextra -Werror and run under valgrind by tests/c/run.sh.
 * Prints "c: N passed, M failed" last. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"

/* ---------------------------------------------------------------- vector cases */

static unsigned char *unhex(const char *h, size_t *len) {
    size_t n = strlen(h);
    unsigned char *out = malloc(n / 2 + 1);
    if (!out) abort();
    if (strcmp(h, "-") == 0) n = 0;
    for (size_t i = 0; i + 1 < n; i += 2) {
        unsigned int b;
        sscanf(h + i, "%2x", &b);
        out[i / 2] = (unsigned char)b;
    }
    out[n / 2] = 0;
    if (len) *len = n / 2;
    return out;
}

struct vcase {
    char *id, *profile, *op, *expect, *options, *key_file, *key_password, *key_secret;
    char *expect_signature, *expect_sign_string, *format, *charset;
    unsigned char *body;
    size_t body_len;
    paysign_params *params;
    /* The same fields as one "name NUL value NUL ..." buffer for paysign_params_set_all. */
    char *packed;
    size_t packed_len;
};

static void free_case(struct vcase *c) {
    free(c->id); free(c->profile); free(c->op); free(c->expect); free(c->options);
    free(c->key_file); free(c->key_password); free(c->key_secret); free(c->expect_signature);
    free(c->expect_sign_string); free(c->format); free(c->charset); free(c->body); free(c->packed);
    paysign_params_free(c->params);
    memset(c, 0, sizeof *c);
}

static void run_case(struct vcase *c) {
    paysign_key *key = NULL;
    paysign_status st;
    int want_ok = strcmp(c->expect, "ok") == 0;
    if (c->key_file) {
        st = paysign_key_load_file(c->key_file, c->key_password, &key);
        CHECK(st == PAYSIGN_OK, "%s: key load: %s %s", c->id, paysign_status_name(st), err());
    } else if (c->key_secret) {
        st = paysign_key_secret(c->key_secret, &key);
        CHECK(st == PAYSIGN_OK, "%s: secret: %s", c->id, paysign_status_name(st));
    }
    char sig[4096];
    size_t n = 0;
    if (strcmp(c->op, "sign") == 0) {
        st = paysign_sign(c->profile, c->options, c->params, key, sig, sizeof sig, &n);
        CHECK(st == PAYSIGN_OK, "%s: sign: %s %s", c->id, paysign_status_name(st), err());
        int same = st == PAYSIGN_OK && c->expect_signature && strcmp(sig, c->expect_signature) == 0;
        CHECK(same == want_ok, "%s: signature %s vs %s", c->id, sig, c->expect_signature);
    } else if (strcmp(c->op, "verify") == 0) {
        st = paysign_verify(c->profile, c->options, c->params, key);
        CHECK(st == (want_ok ? PAYSIGN_OK : PAYSIGN_BAD_SIGNATURE), "%s: verify: %s %s", c->id,
              paysign_status_name(st), err());
    } else if (strcmp(c->op, "verify_body") == 0) {
        paysign_params *out = NULL;
        st = paysign_verify_body(c->profile, c->options, c->body, c->body_len, c->format, c->charset, key, &out);
        CHECK(st == (want_ok ? PAYSIGN_OK : PAYSIGN_BAD_SIGNATURE), "%s: verify_body: %s %s", c->id,
              paysign_status_name(st), err());
        CHECK((out != NULL) == want_ok, "%s: verify_body out", c->id);
        if (out) CHECK(paysign_params_count(out) > 0, "%s: parsed params empty", c->id);
        paysign_params_free(out);
    } else if (strcmp(c->op, "authenticator") == 0) {
        /* sign without the authenticator, then verify with it */
        st = paysign_sign(c->profile, NULL, c->params, key, sig, sizeof sig, &n);
        CHECK(st == PAYSIGN_OK, "%s: sign: %s %s", c->id, paysign_status_name(st), err());
        CHECK((strcmp(sig, c->expect_signature) == 0) == want_ok, "%s: auth %s vs %s", c->id, sig,
              c->expect_signature);
        paysign_params_set(c->params, "authenticator", c->expect_signature);
        st = paysign_verify(c->profile, NULL, c->params, key);
        CHECK(st == (want_ok ? PAYSIGN_OK : PAYSIGN_BAD_SIGNATURE), "%s: auth verify %s", c->id,
              paysign_status_name(st));
    }
    if (c->expect_sign_string && strcmp(c->op, "verify_body") != 0) {
        char s[8192];
        st = paysign_sign_string(c->profile, c->options, c->params, key, s, sizeof s, &n);
        CHECK(st == PAYSIGN_OK && strcmp(s, c->expect_sign_string) == 0, "%s: sign string %s\n  got  %s\n  want %s",
              c->id, paysign_status_name(st), s, c->expect_sign_string);
    }
    paysign_key_free(key);
}

/* paysign_params_set_all of the case's fields gives the list that one set per field gives. */
static void same_as_packed(struct vcase *c) {
    paysign_params *q = paysign_params_new();
    CHECK(paysign_params_set_all(q, (const uint8_t *)c->packed, c->packed_len) == PAYSIGN_OK, "%s: set_all: %s", c->id, err());
    size_t n = paysign_params_count(c->params);
    CHECK(paysign_params_count(q) == n, "%s: set_all gave %zu fields, not %zu", c->id, paysign_params_count(q), n);
    char a[8192], b[8192];
    for (size_t i = 0; i < n; i++) {
        int same = paysign_params_name_at(c->params, i, a, sizeof a, NULL) == PAYSIGN_OK
                   && paysign_params_name_at(q, i, b, sizeof b, NULL) == PAYSIGN_OK && strcmp(a, b) == 0
                   && paysign_params_value_at(c->params, i, a, sizeof a, NULL) == PAYSIGN_OK
                   && paysign_params_value_at(q, i, b, sizeof b, NULL) == PAYSIGN_OK && strcmp(a, b) == 0;
        if (!same) {
            CHECK(0, "%s: field %zu differs after set_all", c->id, i);
            break;
        }
    }
    /* And get_all reads back the same buffer, after a size query. */
    size_t len = 1;
    CHECK(paysign_params_get_all(q, NULL, 0, &len) == PAYSIGN_BUFFER_TOO_SMALL && len == c->packed_len,
          "%s: get_all size %zu, not %zu", c->id, len, c->packed_len);
    char *back = malloc(len + 1);
    CHECK(back && paysign_params_get_all(q, back, len + 1, &len) == PAYSIGN_OK && len == c->packed_len
              && (len == 0 || memcmp(back, c->packed, len) == 0) && back[len] == 0, /* packed is NULL when empty */
          "%s: get_all differs from the buffer set_all took", c->id);
    free(back);
    paysign_params_free(q);
}

static int run_vectors(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        return 0;
    }
    static char line[1 << 17];
    struct vcase c;
    memset(&c, 0, sizeof c);
    int count = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        char *sp = strchr(line, ' ');
        char *v = sp ? sp + 1 : (char *)"";
        if (sp) *sp = 0;
#define HEXFIELD(name) else if (strcmp(line, #name) == 0) c.name = (char *)unhex(v, NULL)
#define RAWFIELD(name) else if (strcmp(line, #name) == 0) c.name = strdup(v)
        if (strcmp(line, "case") == 0) {
            c.id = (char *)unhex(v, NULL);
            c.params = paysign_params_new();
        }
        HEXFIELD(profile); HEXFIELD(options); HEXFIELD(key_file); HEXFIELD(key_password);
        HEXFIELD(key_secret); HEXFIELD(expect_signature); HEXFIELD(expect_sign_string);
        RAWFIELD(op); RAWFIELD(expect); RAWFIELD(format); RAWFIELD(charset);
        else if (strcmp(line, "body") == 0) c.body = unhex(v, &c.body_len);
        else if (strcmp(line, "param") == 0) {
            char *sp2 = strchr(v, ' ');
            *sp2 = 0;
            char *name = (char *)unhex(v, NULL), *value = (char *)unhex(sp2 + 1, NULL);
            paysign_params_set(c.params, name, value);
            size_t nl = strlen(name) + 1, vl = strlen(value) + 1;
            c.packed = realloc(c.packed, c.packed_len + nl + vl);
            if (!c.packed) abort();
            memcpy(c.packed + c.packed_len, name, nl);
            memcpy(c.packed + c.packed_len + nl, value, vl);
            c.packed_len += nl + vl;
            free(name);
            free(value);
        } else if (strcmp(line, "end") == 0) {
            same_as_packed(&c);
            run_case(&c);
            free_case(&c);
            count++;
        }
    }
    fclose(f);
    return count;
}

/* ---------------------------------------------------------------- ABI contract */

static void test_buffers(void) {
    paysign_params *p = paysign_params_new();
    paysign_params_set(p, "name", "value");
    size_t n = 12345;
    /* size query */
    paysign_status st = paysign_params_get(p, "name", NULL, 0, &n);
    CHECK(st == PAYSIGN_BUFFER_TOO_SMALL && n == 5, "size query: %d %zu", st, n);
    /* too small writes nothing */
    char buf[8];
    memset(buf, 'x', sizeof buf);
    st = paysign_params_get(p, "name", buf, 5, &n);
    CHECK(st == PAYSIGN_BUFFER_TOO_SMALL && n == 5 && buf[0] == 'x' && buf[4] == 'x', "too small wrote");
    /* exact fit */
    st = paysign_params_get(p, "name", buf, 6, &n);
    CHECK(st == PAYSIGN_OK && strcmp(buf, "value") == 0 && n == 5, "exact fit");
    /* out_len may be NULL */
    st = paysign_params_get(p, "name", buf, sizeof buf, NULL);
    CHECK(st == PAYSIGN_OK, "out_len NULL");
    /* set replaces in place, keeps order */
    paysign_params_set(p, "b", "2");
    paysign_params_set(p, "name", "v2");
    CHECK(paysign_params_count(p) == 2, "count after replace");
    st = paysign_params_name_at(p, 0, buf, sizeof buf, &n);
    CHECK(st == PAYSIGN_OK && strcmp(buf, "name") == 0, "name_at 0");
    st = paysign_params_value_at(p, 0, buf, sizeof buf, &n);
    CHECK(st == PAYSIGN_OK && strcmp(buf, "v2") == 0, "value_at 0");
    st = paysign_params_name_at(p, 2, buf, sizeof buf, &n);
    CHECK(st == PAYSIGN_INVALID_ARGUMENT, "name_at past end");
    st = paysign_params_get(p, "absent", buf, sizeof buf, &n);
    CHECK(st == PAYSIGN_MISSING_FIELD && strstr(err(), "absent"), "get absent: %s", err());
    /* sign with a too-small buffer leaves params unchanged */
    paysign_params *q = paysign_params_new();
    paysign_params_set(q, "merchant_id", "10012932671");
    paysign_key *k = NULL;
    paysign_key_secret("NGAK9BK4XL4HYANB", &k);
    char small[4];
    st = paysign_sign("99bill.refund.request", NULL, q, k, small, sizeof small, &n);
    CHECK(st == PAYSIGN_BUFFER_TOO_SMALL && n == 32 && paysign_params_count(q) == 1, "sign too small: %d %zu", st, n);
    paysign_key_free(k);
    paysign_params_free(q);
    paysign_params_free(p);
}

static void test_set_all(void) {
    static const char good[] = "a\0" "1\0" "b\0" "\0" "a\0" "3\0";
    paysign_params *p = paysign_params_new();
    size_t n;
    char buf[64];
    CHECK(paysign_params_set_all(p, (const uint8_t *)good, sizeof good - 1) == PAYSIGN_OK, "set_all: %s", err());
    CHECK(paysign_params_count(p) == 2, "a repeated name replaces: %zu fields", paysign_params_count(p));
    CHECK(paysign_params_get(p, "a", buf, sizeof buf, &n) == PAYSIGN_OK && strcmp(buf, "3") == 0, "a=%s", buf);
    CHECK(paysign_params_get(p, "b", buf, sizeof buf, &n) == PAYSIGN_OK && n == 0, "b is empty");
    CHECK(paysign_params_set_all(p, NULL, 0) == PAYSIGN_OK, "NULL with length 0 sets nothing");
    CHECK(paysign_params_set_all(p, NULL, 3) == PAYSIGN_NULL_ARGUMENT, "NULL data");
    CHECK(strcmp(err(), "argument 'data' is NULL") == 0, "%s", errbuf);
    CHECK(paysign_params_set_all(NULL, (const uint8_t *)good, 4) == PAYSIGN_NULL_ARGUMENT, "NULL params");
    static const struct { const char *data; size_t len; const char *message; } bad[] = {
        {"x\0" "1", 3, "argument 'data' must end with a NUL (name NUL value NUL ...)"},
        {"x\0" "1\0" "orderId\0", 12, "argument 'data': field 'orderId' has no value (name NUL value NUL ...)"},
        {"x\0" "1\0" "\0" "v\0", 7, "argument 'data': the name of pair 1 is empty"},
        {"x\0" "1\0" "payerName\0" "\xe5\xbc\0", 17, "argument 'data': the value of field 'payerName' is not valid UTF-8 (at byte 0)"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK(paysign_params_set_all(p, (const uint8_t *)bad[i].data, bad[i].len) == PAYSIGN_INVALID_ARGUMENT, "bad %zu", i);
        CHECK(strcmp(err(), bad[i].message) == 0, "bad %zu: %s", i, errbuf);
        CHECK(paysign_params_count(p) == 2 && paysign_params_get(p, "x", buf, sizeof buf, &n) == PAYSIGN_MISSING_FIELD,
              "bad %zu changed the list", i);
    }
    paysign_params_free(p);
}

static void test_get_all(void) {
    static const char good[] = "a\0" "1\0" "b\0" "\0" "\xe8\xae\xa2\xe5\x8d\x95\0" "x\0";
    paysign_params *p = paysign_params_new();
    char buf[64];
    size_t n = 99;
    CHECK(paysign_params_get_all(p, buf, sizeof buf, &n) == PAYSIGN_OK && n == 0 && buf[0] == 0, "empty list: %zu", n);
    CHECK(paysign_params_set_all(p, (const uint8_t *)good, sizeof good - 1) == PAYSIGN_OK, "set_all: %s", err());
    memset(buf, '#', sizeof buf);
    CHECK(paysign_params_get_all(p, buf, sizeof good - 1, &n) == PAYSIGN_BUFFER_TOO_SMALL && n == sizeof good - 1
              && buf[0] == '#',
          "one byte short: nothing written, the length told (%zu)", n);
    CHECK(paysign_params_get_all(p, buf, sizeof good, &n) == PAYSIGN_OK && n == sizeof good - 1
              && memcmp(buf, good, sizeof good) == 0,
          "get_all gives the buffer back, final NUL included");
    CHECK(paysign_params_get_all(NULL, buf, sizeof buf, &n) == PAYSIGN_NULL_ARGUMENT, "NULL params");
    CHECK(strcmp(err(), "argument 'params' is NULL") == 0, "%s", errbuf);
    paysign_params_free(p);
}

static void test_nulls(void) {
    char buf[64];
    size_t n;
    paysign_key *k = NULL;
    paysign_params *p = paysign_params_new();
    CHECK(paysign_params_set(NULL, "a", "b") == PAYSIGN_NULL_ARGUMENT, "set NULL params");
    CHECK(paysign_params_set(p, NULL, "b") == PAYSIGN_NULL_ARGUMENT && strstr(err(), "name"), "set NULL name");
    CHECK(paysign_params_set(p, "a", NULL) == PAYSIGN_NULL_ARGUMENT && strstr(err(), "value"), "set NULL value");
    CHECK(paysign_params_get(NULL, "a", buf, sizeof buf, &n) == PAYSIGN_NULL_ARGUMENT, "get NULL");
    CHECK(paysign_params_count(NULL) == 0, "count NULL");
    CHECK(paysign_key_secret(NULL, &k) == PAYSIGN_NULL_ARGUMENT && k == NULL, "secret NULL");
    CHECK(paysign_key_secret("s", NULL) == PAYSIGN_NULL_ARGUMENT, "secret out NULL");
    CHECK(paysign_key_load(NULL, 10, NULL, &k) == PAYSIGN_NULL_ARGUMENT, "load NULL data");
    CHECK(paysign_key_load_file(NULL, NULL, &k) == PAYSIGN_NULL_ARGUMENT, "load_file NULL");
    CHECK(paysign_sign(NULL, NULL, p, NULL, buf, sizeof buf, &n) == PAYSIGN_NULL_ARGUMENT, "sign NULL profile");
    CHECK(paysign_sign("99bill.refund.request", NULL, NULL, NULL, buf, sizeof buf, &n) == PAYSIGN_NULL_ARGUMENT,
          "sign NULL params");
    CHECK(paysign_verify("wechatpay.notify", NULL, NULL, NULL) == PAYSIGN_NULL_ARGUMENT, "verify NULL params");
    CHECK(paysign_verify_body("wechatpay.notify", NULL, NULL, 5, "xml", NULL, NULL, NULL) == PAYSIGN_NULL_ARGUMENT,
          "verify_body NULL body");
    CHECK(paysign_reply(NULL, 1, NULL, buf, sizeof buf, &n) == PAYSIGN_NULL_ARGUMENT, "reply NULL");
    CHECK(paysign_params_parse(NULL, 0, "form", NULL, NULL) == PAYSIGN_NULL_ARGUMENT, "parse NULL out");
    paysign_params_free(NULL);
    paysign_key_free(NULL);
    paysign_params_free(p);
}

static void test_errors(void) {
    char buf[256];
    size_t n;
    paysign_params *p = paysign_params_new();
    paysign_params_set(p, "a", "1");
    paysign_status st = paysign_sign("nope.profile", NULL, p, NULL, buf, sizeof buf, &n);
    CHECK(st == PAYSIGN_UNKNOWN_PROFILE && strstr(err(), "nope.profile"), "unknown profile: %s", err());
    st = paysign_params_set(p, "bad", "\xff\xfe");
    CHECK(st == PAYSIGN_INVALID_ARGUMENT && strstr(err(), "UTF-8"), "bad utf-8: %s", err());
    st = paysign_sign("99bill.refund.request", "colour=red", p, NULL, buf, sizeof buf, &n);
    CHECK(st == PAYSIGN_INVALID_ARGUMENT && strstr(err(), "colour"), "unknown option: %s", err());

    paysign_params *out = NULL;
    const char *dup = "a=1&a=2";
    st = paysign_params_parse((const uint8_t *)dup, strlen(dup), "form", NULL, &out);
    CHECK(st == PAYSIGN_DUPLICATE_FIELD && out == NULL && strstr(err(), "'a'"), "dup: %s", err());
    const char *pct = "a=%G1";
    st = paysign_params_parse((const uint8_t *)pct, strlen(pct), "form", NULL, &out);
    CHECK(st == PAYSIGN_MALFORMED_INPUT && out == NULL, "bad percent: %s", err());
    st = paysign_params_parse((const uint8_t *)pct, strlen(pct), "yaml", NULL, &out);
    CHECK(st == PAYSIGN_INVALID_ARGUMENT && strstr(err(), "yaml"), "bad format: %s", err());
    st = paysign_params_parse((const uint8_t *)pct, strlen(pct), "form", "latin-9", &out);
    CHECK(st == PAYSIGN_INVALID_ARGUMENT && strstr(err(), "latin-9"), "bad charset: %s", err());

    paysign_key *k = NULL;
    const char *junk = "this is not a key";
    st = paysign_key_load((const uint8_t *)junk, strlen(junk), NULL, &k);
    CHECK(st == PAYSIGN_KEY_ERROR && k == NULL, "junk key: %s", err());
    st = paysign_key_load_file("/nonexistent/key.pem", NULL, &k);
    CHECK(st == PAYSIGN_IO_ERROR && strstr(err(), "/nonexistent/key.pem"), "missing file: %s", err());

    /* a secret never appears in messages */
    paysign_key_secret("TOPSECRET123", &k);
    st = paysign_sign("99bill.pay.request", NULL, p, k, buf, sizeof buf, &n); /* signType missing */
    CHECK(st == PAYSIGN_MISSING_FIELD && strstr(err(), "signType") && !strstr(err(), "TOPSECRET"), "missing: %s", err());
    paysign_params_set(p, "signType", "4");
    st = paysign_sign("99bill.pay.request", NULL, p, k, buf, sizeof buf, &n);
    CHECK(st == PAYSIGN_KEY_MISMATCH && !strstr(err(), "TOPSECRET"), "secret for RSA: %s", err());
    paysign_params_set(p, "signType", "9");
    st = paysign_sign("99bill.pay.request", NULL, p, k, buf, sizeof buf, &n);
    CHECK(st == PAYSIGN_INVALID_FIELD && strstr(err(), "signType"), "bad signType: %s", err());
    paysign_key_free(k);

    /* status names and last error length */
    CHECK(strcmp(paysign_status_name(PAYSIGN_BAD_SIGNATURE), "PAYSIGN_BAD_SIGNATURE") == 0, "status name");
    CHECK(strcmp(paysign_status_name(PAYSIGN_PANIC), "PAYSIGN_PANIC") == 0, "status name panic");
    CHECK(PAYSIGN_STALE_TIMESTAMP == 18 && strcmp(paysign_status_name(18), "PAYSIGN_STALE_TIMESTAMP") == 0, "status 18");
    CHECK(PAYSIGN_DECRYPT_ERROR == 23 && strcmp(paysign_status_name(23), "PAYSIGN_DECRYPT_ERROR") == 0, "status 23");
    CHECK(strcmp(paysign_status_name(12345), "PAYSIGN_UNKNOWN_STATUS") == 0, "status name out of range");
    size_t full = paysign_last_error(NULL, 0);
    char tiny[4];
    size_t again = paysign_last_error(tiny, sizeof tiny);
    CHECK(full == again && full > 3 && strlen(tiny) == 3, "last_error truncates: %zu %zu", full, again);
    paysign_params_free(p);
}

static void test_notify_flow(void) {
    /* 99bill: a merchant query on the bgUrl plus 99bill's fields; the last occurrence is 99bill's */
    const char *body =
        "orderId=MERCHANT&merchantAcctId=1002109591401&version=v2.0&language=1&signType=1&payType=10&"
        "bankId=CCB&orderId=5094e515bcc1261dc1000013&orderTime=20121103173413&orderAmount=20500&"
        "dealId=783157316&bankDealId=121103701336&dealTime=20121103173749&payAmount=20500&fee=123&"
        "payResult=10&ext1=&ext2=&errCode=&signMsg=777BEA3AE5C45D311EDA964D4C76E276";
    paysign_key *k = NULL;
    paysign_key_secret("APPSECRET", &k);
    paysign_params *out = NULL;
    paysign_status st = paysign_verify_body("99bill.pay.notify", NULL, (const uint8_t *)body, strlen(body), "form",
                                            NULL, k, &out);
    CHECK(st == PAYSIGN_OK && out, "99bill dup notify: %s", err());
    char buf[512];
    size_t n;
    if (out) {
        paysign_params_get(out, "orderId", buf, sizeof buf, &n);
        CHECK(strcmp(buf, "5094e515bcc1261dc1000013") == 0, "99bill orderId last wins: %s", buf);
    }
    paysign_params_free(out);
    /* the same duplicate for WeChat is an error */
    const char *wx = "<xml><a>1</a><a>2</a><sign>x</sign></xml>";
    st = paysign_verify_body("wechatpay.notify", NULL, (const uint8_t *)wx, strlen(wx), "xml", NULL, k, &out);
    CHECK(st == PAYSIGN_DUPLICATE_FIELD && out == NULL, "wechat dup: %s", err());
    st = paysign_reply("99bill.pay.notify", 1, "http://m/ok", buf, sizeof buf, &n);
    CHECK(st == PAYSIGN_OK && strcmp(buf, "<result>1</result><redirecturl>http://m/ok</redirecturl>") == 0, "reply");
    st = paysign_reply("wechatpay.notify", 1, NULL, buf, sizeof buf, &n);
    CHECK(st == PAYSIGN_OK && strcmp(buf, "<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA["
                                          "OK]]></return_msg></xml>") == 0,
          "wechat reply");
    st = paysign_reply("99bill.pay.request", 1, NULL, buf, sizeof buf, &n);
    CHECK(st == PAYSIGN_INVALID_ARGUMENT, "reply for a request");
    paysign_key_free(k);
    size_t len = paysign_profiles(NULL, 0);
    char *list = malloc(len + 1);
    CHECK(paysign_profiles(list, len + 1) == len && strstr(list, "99bill.pay.notify\t") &&
              strstr(list, "smgp.login_resp\t"),
          "profiles");
    free(list);
    CHECK(strlen(paysign_version()) > 0, "version");
    st = paysign_alipay_notify_verify_url("2088101122136241", "ab+c", buf, sizeof buf, &n);
    CHECK(st == PAYSIGN_OK && strcmp(buf, "https://mapi.alipay.com/gateway.do?service=notify_verify&partner=2088101122136241"
                                          "&notify_id=ab%2Bc") == 0,
          "alipay url: %s", buf);
}

/* Re-split (docs/security.md): '&' in an echoed field and the secret's marker are refused by
 * every signing entry; allow_join=1 signs WeChat's own string (its MD5 checked by md5sum). */
static void test_resplit(void) {
    char buf[256];
    size_t n;
    paysign_key *k = NULL;
    CHECK(paysign_key_secret("K", &k) == PAYSIGN_OK, "secret: %s", err());
    paysign_params *p = paysign_params_new();
    paysign_params_set(p, "appid", "wx1");
    paysign_params_set(p, "mch_id", "10000100");
    paysign_params_set(p, "nonce_str", "abc");
    paysign_params_set(p, "body", "test");
    paysign_params_set(p, "attach", "a&b=c");
    paysign_status st = paysign_sign("wechatpay.request", NULL, p, k, buf, sizeof buf, &n);
    CHECK(st == PAYSIGN_INVALID_FIELD && strstr(err(), "field 'attach'") && strstr(err(), "'&'"), "echoed '&': %s %s",
          paysign_status_name(st), err());
    st = paysign_sign_string("wechatpay.request", NULL, p, k, buf, sizeof buf, &n);
    CHECK(st == PAYSIGN_INVALID_FIELD && strstr(err(), "field 'attach'"), "sign string, echoed '&': %s", err());
    st = paysign_sign("wechatpay.request", "allow_join=1", p, k, buf, sizeof buf, &n);
    /* printf 'appid=wx1&attach=a&b=c&body=test&mch_id=10000100&nonce_str=abc&key=K' | md5sum */
    CHECK(st == PAYSIGN_OK && strcmp(buf, "281BBCE079E7C2100E6F5E860CFBD57D") == 0, "allow_join: %s %s", paysign_status_name(st), buf);
    paysign_params_free(p);
    p = paysign_params_new();
    paysign_params_set(p, "appid", "wx1");
    paysign_params_set(p, "out_trade_no", "x&key=y");
    st = paysign_sign("wechatpay.request", NULL, p, k, buf, sizeof buf, &n);
    CHECK(st == PAYSIGN_INVALID_FIELD && strstr(err(), "field 'out_trade_no'") && strstr(err(), "&key="), "marker: %s", err());
    paysign_params_free(p);
    paysign_key_free(k);
}

int main(int argc, char **argv) {
    int cases = argc > 1 ? run_vectors(argv[1]) : 0;
    CHECK(cases >= 79, "only %d vector cases ran", cases);
    test_buffers();
    test_set_all();
    test_get_all();
    test_nulls();
    test_errors();
    test_notify_flow();
    test_resplit();
    printf("c: %d vector cases\n", cases);
    printf("c: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
