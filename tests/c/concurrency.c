/* paysign C ABI under concurrency (issue 5): 8 pthreads share one secret paysign_key and one
 * RSA paysign_key (the 99bill sandbox PKCS#12), and make 100,000 sign/verify calls in all:
 * mostly MD5, HMAC-MD5 and HMAC-SHA256, a few thousand RSA verifications and a few hundred RSA
 * signatures. Every result must equal the one computed single-threaded first. Each thread
 * also provokes its own distinct error and checks that paysign_last_error() gives back its
 * own text, never another thread's.
 *
 *   concurrency KEYS_DIR        (testdata/vectors/keys)
 *
 * Built with -fsanitize=address,undefined by tests/c/sanitize.sh. Prints
 * "concurrency: N passed, M failed" last. */
#define _POSIX_C_SOURCE 200809L
#include "paysign.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define THREADS 8
#define TOTAL_CALLS 100000
#define PER_THREAD (TOTAL_CALLS / THREADS)
#define VARIANTS 8
#define MAX_FIELDS 16

enum kind { MD5_SIGN, HMAC_SHA256_SIGN, HMAC_MD5_SIGN, MD5_VERIFY, RSA_VERIFY, RSA_SIGN, KINDS };

struct op {
    const char *profile;
    const char *options;
    int rsa;    /* uses the RSA key, else the secret */
    int verify; /* verify, else sign */
    int n;
    char names[MAX_FIELDS][32];
    char values[MAX_FIELDS][600];
    /* expected: the signature (sign) or the status (verify), single-threaded */
    char expect_sig[1024];
    paysign_status expect_status;
};

static struct op ops[KINDS][VARIANTS][2]; /* [kind][variant][0 = as is, 1 = tampered (verify)] */
static paysign_key *secret_key, *rsa_key;

static void add(struct op *o, const char *name, const char *value) {
    snprintf(o->names[o->n], sizeof o->names[0], "%s", name);
    snprintf(o->values[o->n], sizeof o->values[0], "%s", value);
    o->n++;
}

static paysign_params *params_of(const struct op *o) {
    paysign_params *p = paysign_params_new();
    for (int i = 0; i < o->n; i++) paysign_params_set(p, o->names[i], o->values[i]);
    return p;
}

static void set_field(struct op *o, const char *name, const char *value) {
    for (int i = 0; i < o->n; i++)
        if (strcmp(o->names[i], name) == 0) {
            snprintf(o->values[i], sizeof o->values[0], "%s", value);
            return;
        }
    add(o, name, value);
}

/* The base message of each kind, variant v. */
static void build(struct op *o, enum kind k, int v) {
    char order[32], amount[32];
    snprintf(order, sizeof order, "C%d-%d", k, v);
    snprintf(amount, sizeof amount, "%d", 100 + v);
    memset(o, 0, sizeof *o);
    switch (k) {
    case MD5_SIGN:
    case RSA_SIGN:
        o->profile = "99bill.pay.request";
        o->rsa = k == RSA_SIGN;
        add(o, "inputCharset", "1");
        add(o, "bgUrl", "http://m/notify");
        add(o, "version", "v2.0");
        add(o, "language", "1");
        add(o, "signType", k == RSA_SIGN ? "4" : "1");
        add(o, "merchantAcctId", "1001214035601");
        add(o, "orderId", order);
        add(o, "orderAmount", amount);
        add(o, "orderTime", "20240101120000");
        add(o, "productName", "\xe5\x95\x86\xe5\x93\x81"); /* 商品 */
        break;
    case HMAC_SHA256_SIGN:
        o->profile = "wechatpay.request";
        o->options = "sign_type=HMAC-SHA256";
        add(o, "appid", "wx2421b1c4370ec43b");
        add(o, "mch_id", "10000100");
        add(o, "nonce_str", order);
        add(o, "body", "\xe5\x95\x86\xe5\x93\x81");
        add(o, "total_fee", amount);
        break;
    case HMAC_MD5_SIGN:
        o->profile = "yeepay.pay.request";
        add(o, "p0_Cmd", "Buy");
        add(o, "p1_MerId", "10001126856");
        add(o, "p2_Order", order);
        add(o, "p3_Amt", amount);
        add(o, "p4_Cur", "CNY");
        break;
    case MD5_VERIFY:
    case RSA_VERIFY:
        o->profile = "99bill.pay.notify";
        o->rsa = k == RSA_VERIFY;
        o->verify = 1;
        add(o, "merchantAcctId", "1001214035601");
        add(o, "version", "v2.0");
        add(o, "language", "1");
        add(o, "signType", k == RSA_VERIFY ? "4" : "1");
        add(o, "payType", "10");
        add(o, "orderId", order);
        add(o, "orderAmount", amount);
        add(o, "dealId", "9");
        add(o, "payAmount", amount);
        add(o, "payResult", "10");
        break;
    default:
        abort();
    }
}

/* Computes every expected value single-threaded. Returns 0 on a setup failure. */
static int prepare(void) {
    char sig[1024];
    size_t n;
    for (int k = 0; k < KINDS; k++)
        for (int v = 0; v < VARIANTS; v++) {
            struct op *o = &ops[k][v][0];
            build(o, (enum kind)k, v);
            paysign_key *key = o->rsa ? rsa_key : secret_key;
            paysign_params *p = params_of(o);
            paysign_status st = paysign_sign(o->profile, o->options, p, key, sig, sizeof sig, &n);
            paysign_params_free(p);
            if (st != PAYSIGN_OK) {
                fprintf(stderr, "setup: sign %s: %s\n", o->profile, paysign_status_name(st));
                return 0;
            }
            if (!o->verify) {
                snprintf(o->expect_sig, sizeof o->expect_sig, "%s", sig);
                continue;
            }
            /* a signed notification, and a tampered copy */
            set_field(o, "signMsg", sig);
            ops[k][v][1] = *o;
            set_field(&ops[k][v][1], "payAmount", "1");
            for (int t = 0; t < 2; t++) {
                struct op *x = &ops[k][v][t];
                paysign_params *q = params_of(x);
                x->expect_status = paysign_verify(x->profile, x->options, q, key);
                paysign_params_free(q);
            }
            if (ops[k][v][0].expect_status != PAYSIGN_OK || ops[k][v][1].expect_status != PAYSIGN_BAD_SIGNATURE) {
                fprintf(stderr, "setup: verify %s gave %s / %s\n", o->profile,
                        paysign_status_name(ops[k][v][0].expect_status),
                        paysign_status_name(ops[k][v][1].expect_status));
                return 0;
            }
        }
    return 1;
}

struct worker {
    int id;
    long passed, failed;
    long calls, rsa_signs, rsa_verifies;
    /* this thread's own params handles (a paysign_params is not shared between threads) */
    paysign_params *params[KINDS][VARIANTS][2];
};

#define WCHECK(w, cond, ...)                                         \
    do {                                                             \
        if (cond) {                                                  \
            (w)->passed++;                                           \
        } else {                                                     \
            (w)->failed++;                                           \
            if ((w)->failed <= 5) {                                  \
                fprintf(stderr, "FAIL thread %d: ", (w)->id);        \
                fprintf(stderr, __VA_ARGS__);                        \
                fprintf(stderr, "\n");                               \
            }                                                        \
        }                                                            \
    } while (0)

static void run_op(struct worker *w, enum kind k, int v, int t) {
    const struct op *o = &ops[k][v][t];
    paysign_key *key = o->rsa ? rsa_key : secret_key;
    paysign_params *p = w->params[k][v][t];
    if (o->verify) {
        paysign_status st = paysign_verify(o->profile, o->options, p, key);
        WCHECK(w, st == o->expect_status, "verify %s v%d t%d: %s, expected %s", o->profile, v, t,
               paysign_status_name(st), paysign_status_name(o->expect_status));
    } else {
        char sig[1024];
        size_t n = 0;
        paysign_status st = paysign_sign(o->profile, o->options, p, key, sig, sizeof sig, &n);
        WCHECK(w, st == PAYSIGN_OK && strcmp(sig, o->expect_sig) == 0 && n == strlen(o->expect_sig),
               "sign %s v%d: %s %s", o->profile, v, paysign_status_name(st), st == PAYSIGN_OK ? sig : "");
    }
    w->calls++;
}

/* Provokes this thread's own error, lets the other threads run, then reads it back. */
static void own_error(struct worker *w, long i) {
    char profile[64], expect[128], got[512];
    snprintf(profile, sizeof profile, "thread-%d.call-%ld.nope", w->id, i);
    paysign_params *p = w->params[MD5_SIGN][0][0];
    char sig[64];
    size_t n;
    paysign_status st = paysign_sign(profile, NULL, p, secret_key, sig, sizeof sig, &n);
    WCHECK(w, st == PAYSIGN_UNKNOWN_PROFILE, "own error status %s", paysign_status_name(st));
    /* successful calls in between do not touch the message */
    run_op(w, MD5_SIGN, (int)(i % VARIANTS), 0);
    run_op(w, HMAC_SHA256_SIGN, (int)(i % VARIANTS), 0);
    sched_yield();
    size_t len = paysign_last_error(got, sizeof got);
    snprintf(expect, sizeof expect, "unknown profile '%s'", profile);
    WCHECK(w, len == strlen(got) && strstr(got, expect) == got, "thread %d read '%s', expected '%s...'", w->id, got,
           expect);
    char other[32];
    for (int t = 0; t < THREADS; t++) {
        if (t == w->id) continue;
        snprintf(other, sizeof other, "thread-%d.", t);
        WCHECK(w, strstr(got, other) == NULL, "thread %d saw thread %d's error: %s", w->id, t, got);
    }
    w->calls++;
}

static void *work(void *arg) {
    struct worker *w = arg;
    for (int k = 0; k < KINDS; k++)
        for (int v = 0; v < VARIANTS; v++)
            for (int t = 0; t < 2; t++) w->params[k][v][t] = params_of(&ops[k][v][t]);
    static const enum kind cheap[] = {MD5_SIGN, HMAC_SHA256_SIGN, HMAC_MD5_SIGN, MD5_VERIFY};
    long i = 0;
    while (w->calls < PER_THREAD) {
        int v = (int)((i * 7 + w->id * 13) % VARIANTS);
        int t = (int)((i / VARIANTS + w->id) % 2);
        if (i % 250 == 7) {
            run_op(w, RSA_SIGN, v, 0);
            w->rsa_signs++;
        } else if (i % 25 == 3) {
            run_op(w, RSA_VERIFY, v, t);
            w->rsa_verifies++;
        } else if (i % 100 == 50) {
            own_error(w, i);
        } else {
            enum kind k = cheap[(i + w->id) % 4];
            run_op(w, k, v, k == MD5_VERIFY ? t : 0);
        }
        i++;
    }
    for (int k = 0; k < KINDS; k++)
        for (int v = 0; v < VARIANTS; v++)
            for (int t = 0; t < 2; t++) paysign_params_free(w->params[k][v][t]);
    return NULL;
}

int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : "testdata/vectors/keys";
    char path[4096];
    snprintf(path, sizeof path, "%s/99bill_10012140356.pfx", dir);
    if (paysign_key_load_file(path, "123456", &rsa_key) != PAYSIGN_OK ||
        paysign_key_secret("CONCURRENCY-secret-0123456789", &secret_key) != PAYSIGN_OK) {
        char e[256];
        paysign_last_error(e, sizeof e);
        fprintf(stderr, "cannot load keys from %s: %s\n", dir, e);
        printf("concurrency: 0 passed, 1 failed\n");
        return 1;
    }
    long passed = 0, failed = 0;
    if (!prepare()) {
        printf("concurrency: 0 passed, 1 failed\n");
        return 1;
    }
    struct worker workers[THREADS];
    pthread_t threads[THREADS];
    memset(workers, 0, sizeof workers);
    for (int t = 0; t < THREADS; t++) {
        workers[t].id = t;
        if (pthread_create(&threads[t], NULL, work, &workers[t]) != 0) {
            perror("pthread_create");
            return 1;
        }
    }
    long calls = 0, rsa_signs = 0, rsa_verifies = 0;
    for (int t = 0; t < THREADS; t++) {
        pthread_join(threads[t], NULL);
        passed += workers[t].passed;
        failed += workers[t].failed;
        calls += workers[t].calls;
        rsa_signs += workers[t].rsa_signs;
        rsa_verifies += workers[t].rsa_verifies;
    }
    /* The main thread's own last error was never touched by the workers. */
    char mine[256];
    paysign_sign("main-thread.nope", NULL, NULL, NULL, mine, sizeof mine, NULL);
    paysign_last_error(mine, sizeof mine);
    if (strcmp(mine, "argument 'params' is NULL") == 0 || strstr(mine, "main-thread.nope")) passed++;
    else {
        failed++;
        fprintf(stderr, "FAIL main thread's last error: %s\n", mine);
    }
    if (calls >= TOTAL_CALLS && rsa_signs >= 300 && rsa_verifies >= 3000) passed++;
    else {
        failed++;
        fprintf(stderr, "FAIL only %ld calls (%ld RSA signs, %ld RSA verifies)\n", calls, rsa_signs, rsa_verifies);
    }
    paysign_key_free(rsa_key);
    paysign_key_free(secret_key);
    printf("concurrency: %ld calls on %d threads (%ld RSA signs, %ld RSA verifies)\n", calls, THREADS, rsa_signs,
           rsa_verifies);
    printf("concurrency: %ld passed, %ld failed\n", passed, failed);
    return failed ? 1 : 0;
}
