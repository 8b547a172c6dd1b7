/*
 * JNI glue between com.paysign.Native and the paysign C ABI (include/paysign.h).
 *
 * Conversion only: Java hands over UTF-8 bytes (never JNI's modified UTF-8), this file adds the
 * NUL terminator, builds paysign_params lists (a params map arrives packed and is set with one
 * paysign_params_set_all), runs the call, and turns output buffers back into
 * byte[] (decoded as UTF-8 in Java). A non-OK status becomes a com.paysign.PaySignException
 * carrying the status and the core's last-error text. Every local reference is deleted and every
 * malloc'd copy freed on every path; secrets are wiped before they are freed.
 */
#define _DEFAULT_SOURCE 1
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "paysign.h"
#include "com_paysign_Native.h"

#define INITIAL_CAP 1024
/* A diagnosis report is often a few KB and is recomputed on every call (the variant search runs
 * again), so its first buffer is large enough for nearly every report. */
#define REPORT_CAP 16384
/* A packed params map up to this size is copied to the stack (a 99bill request is ~1 KB). */
#define PACKED_CAP 4096

static jclass g_exception_class;   /* com.paysign.PaySignException */
static jmethodID g_exception_ctor; /* (I[B[B)V */
static jclass g_bytes_class;       /* byte[] */

/* ---- library lifecycle ------------------------------------------------------------------- */

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    JNIEnv *env;
    jclass cls;
    (void)reserved;
    if ((*vm)->GetEnv(vm, (void **)&env, JNI_VERSION_1_6) != JNI_OK) {
        return JNI_ERR;
    }
    /* FindClass here uses the class loader that loaded this library (the webapp's). */
    cls = (*env)->FindClass(env, "com/paysign/PaySignException");
    if (cls == NULL) {
        return JNI_ERR;
    }
    g_exception_class = (jclass)(*env)->NewGlobalRef(env, cls);
    (*env)->DeleteLocalRef(env, cls);
    if (g_exception_class == NULL) {
        return JNI_ERR;
    }
    g_exception_ctor = (*env)->GetMethodID(env, g_exception_class, "<init>", "(I[B[B)V");
    if (g_exception_ctor == NULL) {
        return JNI_ERR;
    }
    cls = (*env)->FindClass(env, "[B");
    if (cls == NULL) {
        return JNI_ERR;
    }
    g_bytes_class = (jclass)(*env)->NewGlobalRef(env, cls);
    (*env)->DeleteLocalRef(env, cls);
    if (g_bytes_class == NULL) {
        return JNI_ERR;
    }
    return JNI_VERSION_1_6;
}

JNIEXPORT void JNICALL JNI_OnUnload(JavaVM *vm, void *reserved) {
    JNIEnv *env;
    (void)reserved;
    if ((*vm)->GetEnv(vm, (void **)&env, JNI_VERSION_1_6) != JNI_OK) {
        return;
    }
    if (g_exception_class != NULL) {
        (*env)->DeleteGlobalRef(env, g_exception_class);
        g_exception_class = NULL;
    }
    if (g_bytes_class != NULL) {
        (*env)->DeleteGlobalRef(env, g_bytes_class);
        g_bytes_class = NULL;
    }
}

/* ---- exceptions ------------------------------------------------------------------------- */

static void throw_java(JNIEnv *env, const char *class_name, const char *message) {
    jclass cls = (*env)->FindClass(env, class_name);
    if (cls != NULL) { /* else NoClassDefFoundError is pending */
        (*env)->ThrowNew(env, cls, message);
        (*env)->DeleteLocalRef(env, cls);
    }
}

static void throw_oom(JNIEnv *env) {
    throw_java(env, "java/lang/OutOfMemoryError", "paysign: native allocation failed");
}

/* A byte[] copy of len bytes; NULL with an exception pending on failure. */
static jbyteArray new_bytes(JNIEnv *env, const char *data, size_t len) {
    jbyteArray arr;
    if (len > (size_t)INT32_MAX) {
        throw_oom(env);
        return NULL;
    }
    arr = (*env)->NewByteArray(env, (jsize)len);
    if (arr == NULL) {
        return NULL;
    }
    if (len > 0) {
        (*env)->SetByteArrayRegion(env, arr, 0, (jsize)len, (const jbyte *)data);
        if ((*env)->ExceptionCheck(env)) {
            (*env)->DeleteLocalRef(env, arr);
            return NULL;
        }
    }
    return arr;
}

/*
 * Throws PaySignException(status, last error, status name). Must run right after the failing
 * paysign call, before any other paysign call on this thread (the message is thread-local).
 */
static void throw_status(JNIEnv *env, paysign_status status) {
    char stack_buf[INITIAL_CAP];
    char *msg = stack_buf;
    char *heap = NULL;
    size_t len;
    const char *name;
    jbyteArray jmsg = NULL;
    jbyteArray jname = NULL;
    jobject exc;

    len = paysign_last_error(stack_buf, sizeof stack_buf);
    if (len >= sizeof stack_buf) {
        heap = (char *)malloc(len + 1);
        if (heap != NULL) {
            size_t len2 = paysign_last_error(heap, len + 1);
            msg = heap;
            if (len2 < len) {
                len = len2;
            }
        } else {
            len = sizeof stack_buf - 1; /* keep the truncated text */
        }
    }
    name = paysign_status_name(status);

    jmsg = new_bytes(env, msg, len);
    if (jmsg == NULL) {
        goto done;
    }
    if (name != NULL) {
        jname = new_bytes(env, name, strlen(name));
        if (jname == NULL) {
            goto done;
        }
    }
    exc = (*env)->NewObject(env, g_exception_class, g_exception_ctor, (jint)status, jmsg, jname);
    if (exc != NULL) {
        (*env)->Throw(env, (jthrowable)exc);
        (*env)->DeleteLocalRef(env, exc);
    }
done:
    if (jmsg != NULL) {
        (*env)->DeleteLocalRef(env, jmsg);
    }
    if (jname != NULL) {
        (*env)->DeleteLocalRef(env, jname);
    }
    free(heap);
}

/* ---- input conversion ------------------------------------------------------------------- */

static void free_cstr(char *s) {
    free(s);
}

static void free_secret(char *s) {
    if (s != NULL) {
        explicit_bzero(s, strlen(s));
        free(s);
    }
}

/*
 * NUL-terminated copy of a byte[] holding UTF-8 (NULL array -> NULL string).
 * Returns 0, or -1 with an exception pending.
 */
static int to_cstr(JNIEnv *env, jbyteArray arr, char **out) {
    jsize n;
    char *s;
    *out = NULL;
    if (arr == NULL) {
        return 0;
    }
    n = (*env)->GetArrayLength(env, arr);
    s = (char *)malloc((size_t)n + 1);
    if (s == NULL) {
        throw_oom(env);
        return -1;
    }
    if (n > 0) {
        (*env)->GetByteArrayRegion(env, arr, 0, n, (jbyte *)s);
        if ((*env)->ExceptionCheck(env)) {
            free(s);
            return -1;
        }
    }
    s[n] = '\0';
    /* The Java side already rejects NUL; never let a C string end early anyway. */
    if (memchr(s, '\0', (size_t)n) != NULL) {
        explicit_bzero(s, (size_t)n);
        free(s);
        throw_java(env, "java/lang/IllegalArgumentException", "paysign: embedded NUL in a string");
        return -1;
    }
    *out = s;
    return 0;
}

/*
 * A paysign_params list from a packed params map: the first len bytes of packed hold UTF-8
 * `name NUL value NUL ...` (com.paysign.Strings.pack), set with one paysign_params_set_all.
 * A NULL array gives *out = NULL (the core reports NULL_ARGUMENT). The bytes are copied to the
 * stack (the heap when large) and the copy is wiped: values may be confidential.
 * Returns 0, or -1 with an exception pending.
 */
static int build_params(JNIEnv *env, jbyteArray packed, jint len, paysign_params **out) {
    char stack_buf[PACKED_CAP];
    char *data = stack_buf;
    paysign_params *params = NULL;
    paysign_status st = PAYSIGN_OK;
    *out = NULL;
    if (packed == NULL) {
        return 0;
    }
    if (len < 0 || len > (*env)->GetArrayLength(env, packed)) {
        throw_java(env, "java/lang/IllegalArgumentException", "paysign: bad packed params length");
        return -1;
    }
    if ((size_t)len > sizeof stack_buf) {
        data = (char *)malloc((size_t)len);
        if (data == NULL) {
            throw_oom(env);
            return -1;
        }
    }
    (*env)->GetByteArrayRegion(env, packed, 0, len, (jbyte *)data);
    if (!(*env)->ExceptionCheck(env)) {
        params = paysign_params_new();
        if (params != NULL) {
            st = paysign_params_set_all(params, (const uint8_t *)data, (size_t)len);
            if (st != PAYSIGN_OK) {
                throw_status(env, st); /* before any other paysign call */
                paysign_params_free(params);
                params = NULL;
            }
        } else {
            throw_oom(env);
        }
    }
    explicit_bzero(data, (size_t)len);
    if (data != stack_buf) {
        free(data);
    }
    *out = params;
    return params != NULL ? 0 : -1;
}

/* Pinned contents of a byte[] body (NULL array -> data NULL, len 0). */
typedef struct {
    jbyteArray array;
    jbyte *data;
    size_t len;
} body_t;

static int body_get(JNIEnv *env, jbyteArray arr, body_t *b) {
    b->array = arr;
    b->data = NULL;
    b->len = 0;
    if (arr == NULL) {
        return 0;
    }
    b->len = (size_t)(*env)->GetArrayLength(env, arr);
    b->data = (*env)->GetByteArrayElements(env, arr, NULL);
    if (b->data == NULL) { /* OutOfMemoryError pending */
        return -1;
    }
    return 0;
}

static void body_release(JNIEnv *env, body_t *b) {
    if (b->data != NULL) {
        (*env)->ReleaseByteArrayElements(env, b->array, b->data, JNI_ABORT);
        b->data = NULL;
    }
}

/* ---- output conversion ------------------------------------------------------------------ */

/* One call of a buffer-writing paysign function, described by ctx. */
typedef paysign_status (*out_fn)(void *ctx, char *buf, size_t cap, size_t *out_len);

/*
 * Runs fn into stack_buf (INITIAL_CAP bytes), retrying once into a malloc'd buffer of the size
 * the core reported on BUFFER_TOO_SMALL. Returns the buffer that holds the output (stack_buf,
 * or the malloc'd one, which the caller frees) and its length in *len; NULL with an exception
 * pending on failure.
 */
static char *call_into(JNIEnv *env, out_fn fn, void *ctx, char *stack_buf, size_t *len) {
    char *heap;
    size_t need = 0;
    size_t len2 = 0;
    paysign_status st = fn(ctx, stack_buf, INITIAL_CAP, &need);

    if (st == PAYSIGN_OK) {
        *len = need < INITIAL_CAP ? need : INITIAL_CAP - 1; /* never read past buf */
        return stack_buf;
    }
    if (st != PAYSIGN_BUFFER_TOO_SMALL) {
        throw_status(env, st);
        return NULL;
    }
    heap = (char *)malloc(need + 1);
    if (heap == NULL) {
        throw_oom(env);
        return NULL;
    }
    st = fn(ctx, heap, need + 1, &len2);
    if (st != PAYSIGN_OK) {
        throw_status(env, st);
        free(heap);
        return NULL;
    }
    *len = len2 <= need ? len2 : need;
    return heap;
}

/* call_into, as byte[]; NULL with an exception pending. */
static jbyteArray call_out(JNIEnv *env, out_fn fn, void *ctx) {
    char stack_buf[INITIAL_CAP];
    size_t len = 0;
    jbyteArray result;
    char *out = call_into(env, fn, ctx, stack_buf, &len);

    if (out == NULL) {
        return NULL;
    }
    result = new_bytes(env, out, len);
    if (out != stack_buf) {
        free(out);
    }
    return result;
}

/*
 * Like call_out for results that are often long and costly to compute: a malloc'd first buffer of
 * `first` bytes, then the size the core reports while it says BUFFER_TOO_SMALL (three calls at
 * most: the result is recomputed on each). Returns the text as byte[], or NULL with an exception
 * pending.
 */
static jbyteArray call_out_large(JNIEnv *env, out_fn fn, void *ctx, size_t first) {
    size_t cap = first;
    int attempt;
    paysign_status st = PAYSIGN_BUFFER_TOO_SMALL;

    for (attempt = 0; attempt < 3; attempt++) {
        size_t len = 0;
        jbyteArray result;
        char *buf = (char *)malloc(cap);
        if (buf == NULL) {
            throw_oom(env);
            return NULL;
        }
        st = fn(ctx, buf, cap, &len);
        if (st == PAYSIGN_OK) {
            if (len >= cap) { /* cannot happen per the ABI; never read past buf */
                len = cap - 1;
            }
            result = new_bytes(env, buf, len);
            free(buf);
            return result;
        }
        free(buf);
        if (st != PAYSIGN_BUFFER_TOO_SMALL || len < cap || len == (size_t)-1) {
            break;
        }
        cap = len + 1;
    }
    throw_status(env, st);
    return NULL;
}

static paysign_status get_all_fn(void *params, char *buf, size_t cap, size_t *out_len) {
    return paysign_params_get_all((const paysign_params *)params, buf, cap, out_len);
}

/*
 * {lead, name0, value0, ...} as byte[][] (lead is skipped when NULL; params may be NULL for an
 * empty list), from one paysign_params_get_all (name NUL value NUL ...). Returns NULL with an
 * exception pending on failure.
 */
static jobjectArray params_to_java(JNIEnv *env, jbyteArray lead, const paysign_params *params) {
    char stack_buf[INITIAL_CAP];
    char *packed = stack_buf;
    size_t len = 0, pieces = 0, offset = lead != NULL ? 1 : 0, i;
    const char *at, *end;
    jobjectArray arr = NULL;

    if (params != NULL) {
        packed = call_into(env, get_all_fn, (void *)params, stack_buf, &len);
        if (packed == NULL) {
            return NULL;
        }
    }
    for (i = 0; i < len; i++) {
        pieces += packed[i] == '\0';
    }
    if (pieces > (size_t)INT32_MAX - offset) {
        throw_oom(env);
        goto done;
    }
    arr = (*env)->NewObjectArray(env, (jsize)(offset + pieces), g_bytes_class, NULL);
    if (arr == NULL) {
        goto done;
    }
    if (lead != NULL) {
        (*env)->SetObjectArrayElement(env, arr, 0, lead);
    }
    at = packed;
    end = packed + len;
    for (i = offset; at < end && !(*env)->ExceptionCheck(env); i++) {
        const char *nul = memchr(at, '\0', (size_t)(end - at));
        jbyteArray el;
        if (nul == NULL) { /* cannot happen per the ABI: every piece ends with a NUL */
            nul = end;
        }
        el = new_bytes(env, at, (size_t)(nul - at));
        if (el == NULL) {
            break;
        }
        (*env)->SetObjectArrayElement(env, arr, (jsize)i, el);
        (*env)->DeleteLocalRef(env, el);
        at = nul + 1;
    }
    if ((*env)->ExceptionCheck(env)) {
        (*env)->DeleteLocalRef(env, arr);
        arr = NULL;
    }
done:
    if (packed != stack_buf) {
        free(packed);
    }
    return arr;
}

static const paysign_key *key_ptr(jlong key) {
    return (const paysign_key *)(intptr_t)key;
}

/* ---- entry points ----------------------------------------------------------------------- */

JNIEXPORT jbyteArray JNICALL Java_com_paysign_Native_version(JNIEnv *env, jclass cls) {
    const char *v = paysign_version();
    (void)cls;
    if (v == NULL) {
        v = "";
    }
    return new_bytes(env, v, strlen(v));
}

JNIEXPORT jbyteArray JNICALL Java_com_paysign_Native_profiles(JNIEnv *env, jclass cls) {
    char stack_buf[INITIAL_CAP];
    char *heap;
    size_t len, len2;
    jbyteArray result;
    (void)cls;
    len = paysign_profiles(stack_buf, sizeof stack_buf);
    if (len < sizeof stack_buf) {
        return new_bytes(env, stack_buf, len);
    }
    heap = (char *)malloc(len + 1);
    if (heap == NULL) {
        throw_oom(env);
        return NULL;
    }
    len2 = paysign_profiles(heap, len + 1);
    if (len2 > len) {
        len2 = len;
    }
    result = new_bytes(env, heap, len2);
    free(heap);
    return result;
}

JNIEXPORT jlong JNICALL Java_com_paysign_Native_keySecret(JNIEnv *env, jclass cls,
                                                          jbyteArray jsecret) {
    char *secret;
    paysign_key *key = NULL;
    paysign_status st;
    (void)cls;
    if (to_cstr(env, jsecret, &secret) != 0) {
        return 0;
    }
    st = paysign_key_secret(secret, &key);
    free_secret(secret);
    if (st != PAYSIGN_OK) {
        throw_status(env, st);
        paysign_key_free(key);
        return 0;
    }
    return (jlong)(intptr_t)key;
}

JNIEXPORT jlong JNICALL Java_com_paysign_Native_keyLoad(JNIEnv *env, jclass cls, jbyteArray jdata,
                                                        jbyteArray jpassword) {
    body_t data;
    char *password;
    paysign_key *key = NULL;
    paysign_status st;
    (void)cls;
    if (to_cstr(env, jpassword, &password) != 0) {
        return 0;
    }
    if (body_get(env, jdata, &data) != 0) {
        free_secret(password);
        return 0;
    }
    st = paysign_key_load((const uint8_t *)data.data, data.len, password, &key);
    free_secret(password);
    if (st != PAYSIGN_OK) {
        throw_status(env, st);
        body_release(env, &data);
        paysign_key_free(key);
        return 0;
    }
    body_release(env, &data);
    return (jlong)(intptr_t)key;
}

JNIEXPORT jlong JNICALL Java_com_paysign_Native_keyLoadFile(JNIEnv *env, jclass cls,
                                                            jbyteArray jpath, jbyteArray jpassword) {
    char *path;
    char *password;
    paysign_key *key = NULL;
    paysign_status st;
    (void)cls;
    if (to_cstr(env, jpath, &path) != 0) {
        return 0;
    }
    if (to_cstr(env, jpassword, &password) != 0) {
        free_cstr(path);
        return 0;
    }
    st = paysign_key_load_file(path, password, &key);
    free_cstr(path);
    free_secret(password);
    if (st != PAYSIGN_OK) {
        throw_status(env, st);
        paysign_key_free(key);
        return 0;
    }
    return (jlong)(intptr_t)key;
}

JNIEXPORT void JNICALL Java_com_paysign_Native_keyFree(JNIEnv *env, jclass cls, jlong key) {
    (void)env;
    (void)cls;
    paysign_key_free((paysign_key *)(intptr_t)key);
}

/* The common inputs of sign_string / sign / verify. */
typedef struct {
    char *profile;
    char *options;
    paysign_params *params;
} call_in;

static int call_in_get(JNIEnv *env, call_in *in, jbyteArray jprofile, jbyteArray joptions,
                       jbyteArray jparams, jint len) {
    in->profile = NULL;
    in->options = NULL;
    in->params = NULL;
    if (to_cstr(env, jprofile, &in->profile) != 0) {
        return -1;
    }
    if (to_cstr(env, joptions, &in->options) != 0) {
        return -1;
    }
    if (build_params(env, jparams, len, &in->params) != 0) {
        return -1;
    }
    return 0;
}

static void call_in_free(call_in *in) {
    free_cstr(in->profile);
    free_secret(in->options); /* may hold query_key */
    paysign_params_free(in->params);
    in->profile = NULL;
    in->options = NULL;
    in->params = NULL;
}

typedef struct {
    call_in *in;
    const paysign_key *key;
} sign_ctx;

static paysign_status sign_string_fn(void *c, char *buf, size_t cap, size_t *out_len) {
    sign_ctx *ctx = (sign_ctx *)c;
    return paysign_sign_string(ctx->in->profile, ctx->in->options, ctx->in->params, ctx->key, buf,
                               cap, out_len);
}

static paysign_status sign_fn(void *c, char *buf, size_t cap, size_t *out_len) {
    sign_ctx *ctx = (sign_ctx *)c;
    return paysign_sign(ctx->in->profile, ctx->in->options, ctx->in->params, ctx->key, buf, cap,
                        out_len);
}

/*
 * Runs fn (sign_string_fn or sign_fn) on the converted inputs. Returns its text as byte[], or
 * with want_params {text, name0, value0, ...}: the params after the call. NULL with an
 * exception pending on failure.
 */
static jobject sign_call(JNIEnv *env, out_fn fn, int want_params, jbyteArray jprofile,
                         jbyteArray joptions, jbyteArray jparams, jint len, jlong key) {
    call_in in;
    sign_ctx ctx;
    jbyteArray text;
    jobject result = NULL;
    if (call_in_get(env, &in, jprofile, joptions, jparams, len) == 0) {
        ctx.in = &in;
        ctx.key = key_ptr(key);
        text = call_out(env, fn, &ctx);
        if (text != NULL && want_params) {
            result = params_to_java(env, text, in.params);
            (*env)->DeleteLocalRef(env, text);
        } else {
            result = text;
        }
    }
    call_in_free(&in);
    return result;
}

/* The signature alone (signature true; nothing else crosses back) or the sign string. */
JNIEXPORT jbyteArray JNICALL Java_com_paysign_Native_signText(JNIEnv *env, jclass cls,
                                                              jboolean signature,
                                                              jbyteArray jprofile,
                                                              jbyteArray joptions,
                                                              jbyteArray jparams, jint len,
                                                              jlong key) {
    (void)cls;
    return (jbyteArray)sign_call(env, signature ? sign_fn : sign_string_fn, 0, jprofile, joptions,
                                 jparams, len, key);
}

JNIEXPORT jobjectArray JNICALL Java_com_paysign_Native_sign(JNIEnv *env, jclass cls,
                                                            jbyteArray jprofile, jbyteArray joptions,
                                                            jbyteArray jparams, jint len,
                                                            jlong key) {
    (void)cls;
    return (jobjectArray)sign_call(env, sign_fn, 1, jprofile, joptions, jparams, len, key);
}

/* A verification's status as Java sees it: true, false for BAD_SIGNATURE, else an exception. */
static jboolean verdict(JNIEnv *env, paysign_status st) {
    if (st == PAYSIGN_OK) {
        return JNI_TRUE;
    }
    if (st != PAYSIGN_BAD_SIGNATURE) {
        throw_status(env, st);
    }
    return JNI_FALSE;
}

JNIEXPORT jboolean JNICALL Java_com_paysign_Native_verify(JNIEnv *env, jclass cls,
                                                          jbyteArray jprofile, jbyteArray joptions,
                                                          jbyteArray jparams, jint len,
                                                          jlong key) {
    call_in in;
    jboolean result = JNI_FALSE;
    (void)cls;
    if (call_in_get(env, &in, jprofile, joptions, jparams, len) == 0) {
        paysign_status st = paysign_verify(in.profile, in.options, in.params, key_ptr(key));
        result = verdict(env, st);
    }
    call_in_free(&in);
    return result;
}

JNIEXPORT jobjectArray JNICALL Java_com_paysign_Native_verifyBody(
    JNIEnv *env, jclass cls, jbyteArray jprofile, jbyteArray joptions, jbyteArray jbody,
    jbyteArray jformat, jbyteArray jcharset, jlong key, jboolean want_params) {
    char *profile = NULL;
    char *options = NULL;
    char *format = NULL;
    char *charset = NULL;
    body_t body = {NULL, NULL, 0};
    paysign_params *parsed = NULL;
    paysign_status st;
    jobjectArray result = NULL;
    (void)cls;

    if (to_cstr(env, jprofile, &profile) != 0 || to_cstr(env, joptions, &options) != 0 ||
        to_cstr(env, jformat, &format) != 0 || to_cstr(env, jcharset, &charset) != 0 ||
        body_get(env, jbody, &body) != 0) {
        goto done;
    }
    st = paysign_verify_body(profile, options, (const uint8_t *)body.data, body.len, format, charset,
                             key_ptr(key), want_params ? &parsed : NULL);
    if (st == PAYSIGN_OK) {
        result = params_to_java(env, NULL, parsed);
    } else if (st != PAYSIGN_BAD_SIGNATURE) {
        throw_status(env, st);
    }
done:
    body_release(env, &body);
    paysign_params_free(parsed);
    free_cstr(profile);
    free_secret(options);
    free_cstr(format);
    free_cstr(charset);
    return result;
}

typedef struct {
    const char *profile;
    int success;
    const char *redirect_url;
} reply_ctx;

static paysign_status reply_fn(void *c, char *buf, size_t cap, size_t *out_len) {
    reply_ctx *ctx = (reply_ctx *)c;
    return paysign_reply(ctx->profile, ctx->success, ctx->redirect_url, buf, cap, out_len);
}

JNIEXPORT jbyteArray JNICALL Java_com_paysign_Native_reply(JNIEnv *env, jclass cls,
                                                           jbyteArray jprofile, jboolean success,
                                                           jbyteArray jredirect) {
    char *profile = NULL;
    char *redirect = NULL;
    jbyteArray result = NULL;
    (void)cls;
    if (to_cstr(env, jprofile, &profile) == 0 && to_cstr(env, jredirect, &redirect) == 0) {
        reply_ctx ctx;
        ctx.profile = profile;
        ctx.success = success ? 1 : 0;
        ctx.redirect_url = redirect;
        result = call_out(env, reply_fn, &ctx);
    }
    free_cstr(profile);
    free_cstr(redirect);
    return result;
}

JNIEXPORT jobjectArray JNICALL Java_com_paysign_Native_parse(JNIEnv *env, jclass cls,
                                                             jbyteArray jdata, jbyteArray jformat,
                                                             jbyteArray jcharset) {
    char *format = NULL;
    char *charset = NULL;
    body_t data = {NULL, NULL, 0};
    paysign_params *parsed = NULL;
    paysign_status st;
    jobjectArray result = NULL;
    (void)cls;
    if (to_cstr(env, jformat, &format) != 0 || to_cstr(env, jcharset, &charset) != 0 ||
        body_get(env, jdata, &data) != 0) {
        goto done;
    }
    st = paysign_params_parse((const uint8_t *)data.data, data.len, format, charset, &parsed);
    if (st == PAYSIGN_OK) {
        result = params_to_java(env, NULL, parsed);
    } else {
        throw_status(env, st);
    }
done:
    body_release(env, &data);
    paysign_params_free(parsed);
    free_cstr(format);
    free_cstr(charset);
    return result;
}

typedef struct {
    const paysign_params *params;
    const char *format;
    const char *charset;
} encode_ctx;

static paysign_status encode_fn(void *c, char *buf, size_t cap, size_t *out_len) {
    encode_ctx *ctx = (encode_ctx *)c;
    return paysign_params_encode(ctx->params, ctx->format, ctx->charset, buf, cap, out_len);
}

JNIEXPORT jbyteArray JNICALL Java_com_paysign_Native_encode(JNIEnv *env, jclass cls,
                                                            jbyteArray jparams, jint len,
                                                            jbyteArray jformat, jbyteArray jcharset) {
    char *format = NULL;
    char *charset = NULL;
    paysign_params *params = NULL;
    jbyteArray result = NULL;
    (void)cls;
    if (to_cstr(env, jformat, &format) == 0 && to_cstr(env, jcharset, &charset) == 0 &&
        build_params(env, jparams, len, &params) == 0) {
        encode_ctx ctx;
        ctx.params = params;
        ctx.format = format;
        ctx.charset = charset;
        result = call_out(env, encode_fn, &ctx);
    }
    paysign_params_free(params);
    free_cstr(format);
    free_cstr(charset);
    return result;
}

/* ---- diagnosis, built-in keys, Alipay notify_verify ---------------------------------------- */

typedef struct {
    int sign;
    const char *profile;
    const char *options;
    const uint8_t *body;
    size_t len;
    const char *format;
    const char *charset;
    const paysign_key *key;
} diagnose_ctx;

static paysign_status diagnose_fn(void *c, char *buf, size_t cap, size_t *out_len) {
    diagnose_ctx *ctx = (diagnose_ctx *)c;
    if (ctx->sign) {
        return paysign_diagnose_sign(ctx->profile, ctx->options, ctx->body, ctx->len, ctx->format,
                                     ctx->charset, ctx->key, buf, cap, out_len);
    }
    return paysign_diagnose(ctx->profile, ctx->options, ctx->body, ctx->len, ctx->format,
                            ctx->charset, ctx->key, buf, cap, out_len);
}

JNIEXPORT jbyteArray JNICALL Java_com_paysign_Native_diagnose(
    JNIEnv *env, jclass cls, jboolean sign, jbyteArray jprofile, jbyteArray joptions,
    jbyteArray jbody, jbyteArray jformat, jbyteArray jcharset, jlong key) {
    char *profile = NULL;
    char *options = NULL;
    char *format = NULL;
    char *charset = NULL;
    body_t body = {NULL, NULL, 0};
    jbyteArray result = NULL;
    (void)cls;

    if (to_cstr(env, jprofile, &profile) == 0 && to_cstr(env, joptions, &options) == 0 &&
        to_cstr(env, jformat, &format) == 0 && to_cstr(env, jcharset, &charset) == 0 &&
        body_get(env, jbody, &body) == 0) {
        diagnose_ctx ctx;
        ctx.sign = sign ? 1 : 0;
        ctx.profile = profile;
        ctx.options = options;
        ctx.body = (const uint8_t *)body.data;
        ctx.len = body.len;
        ctx.format = format;
        ctx.charset = charset;
        ctx.key = key_ptr(key);
        result = call_out_large(env, diagnose_fn, &ctx, REPORT_CAP);
    }
    body_release(env, &body);
    free_cstr(profile);
    free_secret(options); /* may hold query_key */
    free_cstr(format);
    free_cstr(charset);
    return result;
}

JNIEXPORT jlong JNICALL Java_com_paysign_Native_keyBuiltin(JNIEnv *env, jclass cls,
                                                           jbyteArray jname) {
    char *name;
    paysign_key *key = NULL;
    paysign_status st;
    (void)cls;
    if (to_cstr(env, jname, &name) != 0) {
        return 0;
    }
    st = paysign_key_builtin(name, &key);
    free_cstr(name);
    if (st != PAYSIGN_OK) {
        throw_status(env, st);
        paysign_key_free(key);
        return 0;
    }
    return (jlong)(intptr_t)key;
}

JNIEXPORT jbyteArray JNICALL Java_com_paysign_Native_builtinKeys(JNIEnv *env, jclass cls) {
    char stack_buf[INITIAL_CAP];
    char *heap;
    size_t len, len2;
    jbyteArray result;
    (void)cls;
    len = paysign_builtin_keys(stack_buf, sizeof stack_buf);
    if (len < sizeof stack_buf) {
        return new_bytes(env, stack_buf, len);
    }
    heap = (char *)malloc(len + 1);
    if (heap == NULL) {
        throw_oom(env);
        return NULL;
    }
    len2 = paysign_builtin_keys(heap, len + 1);
    if (len2 > len) {
        len2 = len;
    }
    result = new_bytes(env, heap, len2);
    free(heap);
    return result;
}

typedef struct {
    const char *partner;
    const char *notify_id;
} notify_url_ctx;

static paysign_status notify_url_fn(void *c, char *buf, size_t cap, size_t *out_len) {
    notify_url_ctx *ctx = (notify_url_ctx *)c;
    return paysign_alipay_notify_verify_url(ctx->partner, ctx->notify_id, buf, cap, out_len);
}

JNIEXPORT jbyteArray JNICALL Java_com_paysign_Native_alipayNotifyVerifyUrl(JNIEnv *env, jclass cls,
                                                                           jbyteArray jpartner,
                                                                           jbyteArray jnotify_id) {
    char *partner = NULL;
    char *notify_id = NULL;
    jbyteArray result = NULL;
    (void)cls;
    if (to_cstr(env, jpartner, &partner) == 0 && to_cstr(env, jnotify_id, &notify_id) == 0) {
        notify_url_ctx ctx;
        ctx.partner = partner;
        ctx.notify_id = notify_id;
        result = call_out(env, notify_url_fn, &ctx);
    }
    free_cstr(partner);
    free_cstr(notify_id);
    return result;
}

typedef struct {
    const uint8_t *data;
    size_t len;
    int root;
} cert_sn_ctx;

static paysign_status cert_sn_fn(void *c, char *buf, size_t cap, size_t *out_len) {
    cert_sn_ctx *ctx = (cert_sn_ctx *)c;
    return ctx->root ? paysign_alipay_root_cert_sn(ctx->data, ctx->len, buf, cap, out_len)
                     : paysign_alipay_cert_sn(ctx->data, ctx->len, buf, cap, out_len);
}

JNIEXPORT jbyteArray JNICALL Java_com_paysign_Native_alipayCertSn(JNIEnv *env, jclass cls,
                                                                  jbyteArray jdata, jboolean root) {
    body_t data = {NULL, NULL, 0};
    jbyteArray result = NULL;
    (void)cls;
    if (body_get(env, jdata, &data) == 0) {
        cert_sn_ctx ctx;
        ctx.data = (const uint8_t *)data.data;
        ctx.len = data.len;
        ctx.root = root ? 1 : 0;
        result = call_out(env, cert_sn_fn, &ctx);
    }
    body_release(env, &data);
    return result;
}

JNIEXPORT jboolean JNICALL Java_com_paysign_Native_alipayVerifyResponse(JNIEnv *env, jclass cls,
                                                                         jbyteArray jbody,
                                                                         jbyteArray jmethod, jlong key,
                                                                         jbyteArray joptions) {
    body_t body = {NULL, NULL, 0};
    char *method = NULL;
    char *options = NULL;
    jboolean result = JNI_FALSE;
    paysign_status st;
    (void)cls;
    if (to_cstr(env, jmethod, &method) != 0 || to_cstr(env, joptions, &options) != 0 ||
        body_get(env, jbody, &body) != 0) {
        goto done;
    }
    st = paysign_alipay_verify_response((const uint8_t *)body.data, body.len, method, key_ptr(key), options);
    result = verdict(env, st);
done:
    body_release(env, &body);
    free_cstr(method);
    free_cstr(options);
    return result;
}

/* Alipay AES content encryption: the plaintext (encrypt) or the response body (decrypt). */
typedef struct {
    const paysign_key *key;
    const uint8_t *data;
    size_t len;
    const char *method, *options;
} alipay_aes_ctx;

static paysign_status alipay_encrypt_fn(void *c, char *buf, size_t cap, size_t *out_len) {
    alipay_aes_ctx *ctx = (alipay_aes_ctx *)c;
    return paysign_alipay_encrypt(ctx->key, ctx->data, ctx->len, buf, cap, out_len);
}

static paysign_status alipay_decrypt_fn(void *c, char *buf, size_t cap, size_t *out_len) {
    alipay_aes_ctx *ctx = (alipay_aes_ctx *)c;
    return paysign_alipay_decrypt_response(ctx->data, ctx->len, ctx->method, ctx->key, ctx->options, buf, cap,
                                           out_len);
}

JNIEXPORT jbyteArray JNICALL Java_com_paysign_Native_alipayEncrypt(JNIEnv *env, jclass cls, jlong key,
                                                                   jbyteArray jplain) {
    body_t plain = {NULL, NULL, 0};
    jbyteArray result = NULL;
    (void)cls;
    if (body_get(env, jplain, &plain) == 0) {
        alipay_aes_ctx ctx = {key_ptr(key), (const uint8_t *)plain.data, plain.len, NULL, NULL};
        result = call_out(env, alipay_encrypt_fn, &ctx);
    }
    body_release(env, &plain);
    return result;
}

JNIEXPORT jbyteArray JNICALL Java_com_paysign_Native_alipayDecryptResponse(JNIEnv *env, jclass cls,
                                                                           jbyteArray jbody, jbyteArray jmethod,
                                                                           jlong key, jbyteArray joptions) {
    body_t body = {NULL, NULL, 0};
    char *method = NULL;
    char *options = NULL;
    jbyteArray result = NULL;
    (void)cls;
    if (to_cstr(env, jmethod, &method) == 0 && to_cstr(env, joptions, &options) == 0 &&
        body_get(env, jbody, &body) == 0) {
        alipay_aes_ctx ctx = {key_ptr(key), (const uint8_t *)body.data, body.len, method, options};
        result = call_out(env, alipay_decrypt_fn, &ctx);
    }
    body_release(env, &body);
    free_cstr(method);
    free_cstr(options);
    return result;
}

JNIEXPORT jobjectArray JNICALL Java_com_paysign_Native_wechatRefundDecrypt(JNIEnv *env, jclass cls,
                                                                            jlong key, jbyteArray jbody) {
    body_t body = {NULL, NULL, 0};
    paysign_params *fields = NULL;
    paysign_status st;
    jobjectArray result = NULL;
    (void)cls;
    if (body_get(env, jbody, &body) != 0) {
        goto done;
    }
    st = paysign_wechat_refund_decrypt(key_ptr(key), (const uint8_t *)body.data, body.len, &fields);
    if (st == PAYSIGN_OK) {
        result = params_to_java(env, NULL, fields);
    } else {
        throw_status(env, st);
    }
done:
    body_release(env, &body);
    paysign_params_free(fields);
    return result;
}

/* ---- WeChat Pay API v3 ------------------------------------------------------------------ */

typedef struct {
    const char *method, *url, *timestamp, *nonce, *mchid, *serial_no;
    const uint8_t *body;
    size_t len;
    const paysign_key *key;
} wx3_auth_ctx;

static paysign_status wx3_auth_fn(void *c, char *buf, size_t cap, size_t *out_len) {
    wx3_auth_ctx *ctx = (wx3_auth_ctx *)c;
    return paysign_wechat_v3_authorization(ctx->method, ctx->url, ctx->timestamp, ctx->nonce, ctx->body, ctx->len,
                                           ctx->mchid, ctx->serial_no, ctx->key, buf, cap, out_len);
}

JNIEXPORT jbyteArray JNICALL Java_com_paysign_Native_wechatV3Authorization(
    JNIEnv *env, jclass cls, jbyteArray jmethod, jbyteArray jurl, jbyteArray jtimestamp, jbyteArray jnonce,
    jbyteArray jbody, jbyteArray jmchid, jbyteArray jserial_no, jlong key) {
    char *method = NULL, *url = NULL, *timestamp = NULL, *nonce = NULL, *mchid = NULL, *serial_no = NULL;
    body_t body = {NULL, NULL, 0};
    jbyteArray result = NULL;
    (void)cls;
    if (to_cstr(env, jmethod, &method) == 0 && to_cstr(env, jurl, &url) == 0 &&
        to_cstr(env, jtimestamp, &timestamp) == 0 && to_cstr(env, jnonce, &nonce) == 0 &&
        to_cstr(env, jmchid, &mchid) == 0 && to_cstr(env, jserial_no, &serial_no) == 0 &&
        body_get(env, jbody, &body) == 0) {
        wx3_auth_ctx ctx;
        ctx.method = method;
        ctx.url = url;
        ctx.timestamp = timestamp;
        ctx.nonce = nonce;
        ctx.mchid = mchid;
        ctx.serial_no = serial_no;
        ctx.body = (const uint8_t *)body.data;
        ctx.len = body.len;
        ctx.key = key_ptr(key);
        result = call_out(env, wx3_auth_fn, &ctx);
    }
    body_release(env, &body);
    free_cstr(method);
    free_cstr(url);
    free_cstr(timestamp);
    free_cstr(nonce);
    free_cstr(mchid);
    free_cstr(serial_no);
    return result;
}

JNIEXPORT jboolean JNICALL Java_com_paysign_Native_wechatV3Verify(JNIEnv *env, jclass cls, jbyteArray jtimestamp,
                                                                  jbyteArray jnonce, jbyteArray jsignature,
                                                                  jbyteArray jserial, jbyteArray jbody, jlong key,
                                                                  jbyteArray joptions) {
    char *timestamp = NULL, *nonce = NULL, *signature = NULL, *serial = NULL, *options = NULL;
    body_t body = {NULL, NULL, 0};
    jboolean result = JNI_FALSE;
    paysign_status st;
    (void)cls;
    if (to_cstr(env, jtimestamp, &timestamp) != 0 || to_cstr(env, jnonce, &nonce) != 0 ||
        to_cstr(env, jsignature, &signature) != 0 || to_cstr(env, jserial, &serial) != 0 ||
        to_cstr(env, joptions, &options) != 0 || body_get(env, jbody, &body) != 0) {
        goto done;
    }
    st = paysign_wechat_v3_verify(timestamp, nonce, signature, serial, (const uint8_t *)body.data, body.len,
                                  key_ptr(key), options);
    result = verdict(env, st);
done:
    body_release(env, &body);
    free_cstr(timestamp);
    free_cstr(nonce);
    free_cstr(signature);
    free_cstr(serial);
    free_cstr(options);
    return result;
}

typedef struct {
    const uint8_t *body, *key;
    size_t len, key_len;
} wx3_body_key_ctx;

static paysign_status wx3_decrypt_fn(void *c, char *buf, size_t cap, size_t *out_len) {
    wx3_body_key_ctx *ctx = (wx3_body_key_ctx *)c;
    return paysign_wechat_v3_decrypt(ctx->body, ctx->len, ctx->key, ctx->key_len, buf, cap, out_len);
}

static paysign_status wx3_certificates_fn(void *c, char *buf, size_t cap, size_t *out_len) {
    wx3_body_key_ctx *ctx = (wx3_body_key_ctx *)c;
    return paysign_wechat_v3_certificates(ctx->body, ctx->len, ctx->key, ctx->key_len, buf, cap, out_len);
}

/* The two calls of (body as received, APIv3 key) that return text. */
static jbyteArray wx3_body_key(JNIEnv *env, jbyteArray jbody, jbyteArray japiv3_key, out_fn fn) {
    body_t body = {NULL, NULL, 0}, k = {NULL, NULL, 0};
    jbyteArray result = NULL;
    if (body_get(env, jbody, &body) == 0 && body_get(env, japiv3_key, &k) == 0) {
        wx3_body_key_ctx ctx;
        ctx.body = (const uint8_t *)body.data;
        ctx.len = body.len;
        ctx.key = (const uint8_t *)k.data;
        ctx.key_len = k.len;
        result = call_out_large(env, fn, &ctx, 4096);
    }
    body_release(env, &k);
    body_release(env, &body);
    return result;
}

JNIEXPORT jbyteArray JNICALL Java_com_paysign_Native_wechatV3Decrypt(JNIEnv *env, jclass cls, jbyteArray jbody,
                                                                     jbyteArray japiv3_key) {
    (void)cls;
    return wx3_body_key(env, jbody, japiv3_key, wx3_decrypt_fn);
}

JNIEXPORT jbyteArray JNICALL Java_com_paysign_Native_wechatV3Certificates(JNIEnv *env, jclass cls, jbyteArray jbody,
                                                                          jbyteArray japiv3_key) {
    (void)cls;
    return wx3_body_key(env, jbody, japiv3_key, wx3_certificates_fn);
}

typedef struct {
    const char *kind, *app_id, *timestamp, *nonce, *prepay;
    const paysign_key *key;
} wx3_client_ctx;

static paysign_status wx3_client_fn(void *c, char *buf, size_t cap, size_t *out_len) {
    wx3_client_ctx *ctx = (wx3_client_ctx *)c;
    return paysign_wechat_v3_client_sign(ctx->kind, ctx->app_id, ctx->timestamp, ctx->nonce, ctx->prepay, ctx->key,
                                         buf, cap, out_len);
}

JNIEXPORT jbyteArray JNICALL Java_com_paysign_Native_wechatV3ClientSign(JNIEnv *env, jclass cls, jbyteArray jkind,
                                                                        jbyteArray japp_id, jbyteArray jtimestamp,
                                                                        jbyteArray jnonce, jbyteArray jprepay,
                                                                        jlong key) {
    char *kind = NULL, *app_id = NULL, *timestamp = NULL, *nonce = NULL, *prepay = NULL;
    jbyteArray result = NULL;
    (void)cls;
    if (to_cstr(env, jkind, &kind) == 0 && to_cstr(env, japp_id, &app_id) == 0 &&
        to_cstr(env, jtimestamp, &timestamp) == 0 && to_cstr(env, jnonce, &nonce) == 0 &&
        to_cstr(env, jprepay, &prepay) == 0) {
        wx3_client_ctx ctx;
        ctx.kind = kind;
        ctx.app_id = app_id;
        ctx.timestamp = timestamp;
        ctx.nonce = nonce;
        ctx.prepay = prepay;
        ctx.key = key_ptr(key);
        result = call_out(env, wx3_client_fn, &ctx);
    }
    free_cstr(kind);
    free_cstr(app_id);
    free_cstr(timestamp);
    free_cstr(nonce);
    free_cstr(prepay);
    return result;
}

/* ---- PayPal IPN ------------------------------------------------------------------------- */

typedef struct {
    const uint8_t *body;
    size_t len;
    const char *name;
} paypal_ctx;

static paysign_status paypal_postback_fn(void *c, char *buf, size_t cap, size_t *out_len) {
    paypal_ctx *ctx = (paypal_ctx *)c;
    return paysign_paypal_postback(ctx->body, ctx->len, buf, cap, out_len);
}

static paysign_status paypal_field_fn(void *c, char *buf, size_t cap, size_t *out_len) {
    paypal_ctx *ctx = (paypal_ctx *)c;
    return paysign_paypal_field(ctx->body, ctx->len, ctx->name, buf, cap, out_len);
}

JNIEXPORT jbyteArray JNICALL Java_com_paysign_Native_paypalPostback(JNIEnv *env, jclass cls, jbyteArray jbody) {
    body_t body = {NULL, NULL, 0};
    jbyteArray result = NULL;
    (void)cls;
    if (body_get(env, jbody, &body) == 0) {
        paypal_ctx ctx;
        ctx.body = (const uint8_t *)body.data;
        ctx.len = body.len;
        ctx.name = NULL;
        /* The postback is the body plus 21 bytes: one buffer of that size is always enough. */
        result = call_out_large(env, paypal_postback_fn, &ctx, body.len + 64);
    }
    body_release(env, &body);
    return result;
}

JNIEXPORT jboolean JNICALL Java_com_paysign_Native_paypalVerdict(JNIEnv *env, jclass cls, jbyteArray janswer) {
    body_t answer = {NULL, NULL, 0};
    jboolean result = JNI_FALSE;
    (void)cls;
    if (body_get(env, janswer, &answer) == 0) {
        result = verdict(env, paysign_paypal_verdict((const uint8_t *)answer.data, answer.len));
    }
    body_release(env, &answer);
    return result;
}

JNIEXPORT void JNICALL Java_com_paysign_Native_paypalCheck(JNIEnv *env, jclass cls, jbyteArray jbody,
                                                           jbyteArray joptions) {
    body_t body = {NULL, NULL, 0};
    char *options = NULL;
    (void)cls;
    if (to_cstr(env, joptions, &options) == 0 && body_get(env, jbody, &body) == 0) {
        paysign_status st = paysign_paypal_check((const uint8_t *)body.data, body.len, options);
        if (st != PAYSIGN_OK) {
            throw_status(env, st);
        }
    }
    body_release(env, &body);
    free_cstr(options);
}

JNIEXPORT jbyteArray JNICALL Java_com_paysign_Native_paypalField(JNIEnv *env, jclass cls, jbyteArray jbody,
                                                                 jbyteArray jname) {
    body_t body = {NULL, NULL, 0};
    char *name = NULL;
    jbyteArray result = NULL;
    (void)cls;
    if (to_cstr(env, jname, &name) == 0 && body_get(env, jbody, &body) == 0) {
        paypal_ctx ctx;
        ctx.body = (const uint8_t *)body.data;
        ctx.len = body.len;
        ctx.name = name;
        result = call_out(env, paypal_field_fn, &ctx);
    }
    body_release(env, &body);
    free_cstr(name);
    return result;
}

typedef struct {
    body_t body, sent;
    const char *host;
} paypal_diagnose_ctx;

static paysign_status paypal_diagnose_fn(void *c, char *buf, size_t cap, size_t *out_len) {
    paypal_diagnose_ctx *ctx = (paypal_diagnose_ctx *)c;
    return paysign_paypal_diagnose((const uint8_t *)ctx->body.data, ctx->body.len, (const uint8_t *)ctx->sent.data,
                                   ctx->sent.len, ctx->host, buf, cap, out_len);
}

JNIEXPORT jbyteArray JNICALL Java_com_paysign_Native_paypalDiagnose(JNIEnv *env, jclass cls, jbyteArray jbody,
                                                                    jbyteArray jsent, jbyteArray jhost) {
    paypal_diagnose_ctx ctx = {{NULL, NULL, 0}, {NULL, NULL, 0}, NULL};
    char *host = NULL;
    jbyteArray result = NULL;
    (void)cls;
    if (to_cstr(env, jhost, &host) == 0 && body_get(env, jbody, &ctx.body) == 0 &&
        body_get(env, jsent, &ctx.sent) == 0) {
        ctx.host = host;
        result = call_out(env, paypal_diagnose_fn, &ctx);
    }
    body_release(env, &ctx.sent);
    body_release(env, &ctx.body);
    free_cstr(host);
    return result;
}

/* ---- UnionPay ACP ----------------------------------------------------------------------- */

static paysign_status unionpay_cert_id_fn(void *key, char *buf, size_t cap, size_t *out_len) {
    return paysign_unionpay_cert_id((const paysign_key *)key, buf, cap, out_len);
}

JNIEXPORT jbyteArray JNICALL Java_com_paysign_Native_unionpayCertId(JNIEnv *env, jclass cls, jlong key) {
    (void)cls;
    return call_out(env, unionpay_cert_id_fn, (void *)key_ptr(key));
}

JNIEXPORT jboolean JNICALL Java_com_paysign_Native_unionpayVerify(JNIEnv *env, jclass cls, jbyteArray jprofile,
                                                                  jbyteArray jbody, jbyteArray jroot,
                                                                  jbyteArray jmiddle, jlong key,
                                                                  jbyteArray joptions) {
    char *profile = NULL, *options = NULL;
    body_t body = {NULL, NULL, 0}, root = {NULL, NULL, 0}, middle = {NULL, NULL, 0};
    jboolean result = JNI_FALSE;
    paysign_status st;
    (void)cls;
    if (to_cstr(env, jprofile, &profile) != 0 || to_cstr(env, joptions, &options) != 0 ||
        body_get(env, jbody, &body) != 0 || body_get(env, jroot, &root) != 0 ||
        body_get(env, jmiddle, &middle) != 0) {
        goto done;
    }
    st = paysign_unionpay_verify_body(profile, (const uint8_t *)body.data, body.len, (const uint8_t *)root.data,
                                      root.len, (const uint8_t *)middle.data, middle.len, key_ptr(key), options);
    result = verdict(env, st);
done:
    body_release(env, &middle);
    body_release(env, &root);
    body_release(env, &body);
    free_cstr(profile);
    free_cstr(options);
    return result;
}

/* The sensitive-field calls: cert is UnionPay's encryption certificate (PEM or DER). */
typedef struct {
    body_t cert, plain;
    const paysign_params *fields;
    const char *version, *pin, *acc_no;
} unionpay_enc_ctx;

static paysign_status unionpay_encrypt_cert_id_fn(void *c, char *buf, size_t cap, size_t *out_len) {
    unionpay_enc_ctx *ctx = (unionpay_enc_ctx *)c;
    return paysign_unionpay_encrypt_cert_id((const uint8_t *)ctx->cert.data, ctx->cert.len, buf, cap, out_len);
}

static paysign_status unionpay_encrypt_fn(void *c, char *buf, size_t cap, size_t *out_len) {
    unionpay_enc_ctx *ctx = (unionpay_enc_ctx *)c;
    return paysign_unionpay_encrypt((const uint8_t *)ctx->cert.data, ctx->cert.len, (const uint8_t *)ctx->plain.data,
                                    ctx->plain.len, buf, cap, out_len);
}

static paysign_status unionpay_encrypt_pin_fn(void *c, char *buf, size_t cap, size_t *out_len) {
    unionpay_enc_ctx *ctx = (unionpay_enc_ctx *)c;
    return paysign_unionpay_encrypt_pin((const uint8_t *)ctx->cert.data, ctx->cert.len, ctx->pin, ctx->acc_no, buf,
                                        cap, out_len);
}

static paysign_status unionpay_customer_info_fn(void *c, char *buf, size_t cap, size_t *out_len) {
    unionpay_enc_ctx *ctx = (unionpay_enc_ctx *)c;
    return paysign_unionpay_customer_info(ctx->fields, ctx->version, (const uint8_t *)ctx->cert.data, ctx->cert.len,
                                          ctx->acc_no, buf, cap, out_len);
}

static void unionpay_enc_init(unionpay_enc_ctx *ctx) {
    memset(ctx, 0, sizeof *ctx);
}

JNIEXPORT jbyteArray JNICALL Java_com_paysign_Native_unionpayEncryptCertId(JNIEnv *env, jclass cls,
                                                                           jbyteArray jcert) {
    unionpay_enc_ctx ctx;
    jbyteArray result = NULL;
    (void)cls;
    unionpay_enc_init(&ctx);
    if (body_get(env, jcert, &ctx.cert) == 0) {
        result = call_out(env, unionpay_encrypt_cert_id_fn, &ctx);
    }
    body_release(env, &ctx.cert);
    return result;
}

JNIEXPORT jbyteArray JNICALL Java_com_paysign_Native_unionpayEncrypt(JNIEnv *env, jclass cls, jbyteArray jcert,
                                                                     jbyteArray jplain) {
    unionpay_enc_ctx ctx;
    jbyteArray result = NULL;
    (void)cls;
    unionpay_enc_init(&ctx);
    if (body_get(env, jcert, &ctx.cert) == 0 && body_get(env, jplain, &ctx.plain) == 0) {
        result = call_out(env, unionpay_encrypt_fn, &ctx);
    }
    body_release(env, &ctx.plain);
    body_release(env, &ctx.cert);
    return result;
}

JNIEXPORT jbyteArray JNICALL Java_com_paysign_Native_unionpayEncryptPin(JNIEnv *env, jclass cls, jbyteArray jcert,
                                                                        jbyteArray jpin, jbyteArray jacc_no) {
    unionpay_enc_ctx ctx;
    char *pin = NULL, *acc_no = NULL;
    jbyteArray result = NULL;
    (void)cls;
    unionpay_enc_init(&ctx);
    if (to_cstr(env, jpin, &pin) == 0 && to_cstr(env, jacc_no, &acc_no) == 0 &&
        body_get(env, jcert, &ctx.cert) == 0) {
        ctx.pin = pin;
        ctx.acc_no = acc_no;
        result = call_out(env, unionpay_encrypt_pin_fn, &ctx);
    }
    body_release(env, &ctx.cert);
    free_secret(pin);
    free_secret(acc_no);
    return result;
}

JNIEXPORT jbyteArray JNICALL Java_com_paysign_Native_unionpayCustomerInfo(JNIEnv *env, jclass cls,
                                                                          jbyteArray jfields, jint len,
                                                                          jbyteArray jversion, jbyteArray jcert,
                                                                          jbyteArray jacc_no) {
    unionpay_enc_ctx ctx;
    char *version = NULL, *acc_no = NULL;
    paysign_params *fields = NULL;
    jbyteArray result = NULL;
    (void)cls;
    unionpay_enc_init(&ctx);
    if (to_cstr(env, jversion, &version) == 0 && to_cstr(env, jacc_no, &acc_no) == 0 &&
        body_get(env, jcert, &ctx.cert) == 0 && build_params(env, jfields, len, &fields) == 0) {
        ctx.fields = fields;
        ctx.version = version;
        ctx.acc_no = acc_no;
        result = call_out(env, unionpay_customer_info_fn, &ctx);
    }
    paysign_params_free(fields);
    body_release(env, &ctx.cert);
    free_cstr(version);
    free_secret(acc_no);
    return result;
}
