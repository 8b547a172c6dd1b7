/*
 * paysign PHP extension.
 *
 * A thin wrapper over the paysign C ABI: it converts PHP strings, arrays and
 * objects to the C calls and back, and turns error statuses into
 * PaySign\Exception (code = status). No signing rule lives here.
 *
 * Thread safety (ZTS): the class entries and object handlers below are
 * written once in MINIT. The one mutable state, the key cache, lives in the
 * module globals (one per thread under ZTS), and so do the reference counts of
 * the native keys it shares. Error text comes from paysign's thread-local last
 * error, read right after the failing call on the same thread.
 *
 * Builds against PHP 7.4 and 8.x.
 */

#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include <string.h>

#include "php.h"
#include "ext/standard/info.h"
#include "main/fopen_wrappers.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"
#include "zend_smart_str.h"
#include "zend_virtual_cwd.h"
#include "ext/json/php_json.h"
#include "ext/hash/php_hash.h"
#include "ext/hash/php_hash_sha.h"
#if PHP_VERSION_ID >= 80200
# include "ext/random/php_random.h"
#else
# include "ext/standard/php_random.h"
#endif

#include "php_paysign.h"
#include "paysign.h"

#if PHP_VERSION_ID >= 80000
# include "paysign_arginfo.h"
#else
# include "paysign_legacy_arginfo.h"
#endif

#ifndef RETURN_THROWS
# define RETURN_THROWS() return
#endif
#ifndef ZEND_THIS
# define ZEND_THIS getThis()
#endif

/* The first call gets a buffer of this size; a longer result is fetched with
 * one retry at the exact size (the C ABI reports the full length). */
#define PS_STACK_BUF 1024

/* A diagnosis report is often a few KB, and the core recomputes it on every
 * call (the variant search runs again): its first buffer is large enough for
 * nearly every report, so the search usually runs once. */
#define PS_REPORT_BUF 16384

static zend_class_entry *paysign_key_ce;
static zend_class_entry *paysign_exception_ce;
static zend_object_handlers paysign_key_handlers;

ZEND_DECLARE_MODULE_GLOBALS(paysign)

/* ------------------------------------------------------------------------ */
/* errors                                                                    */

/* Throw PaySign\Exception for a status returned by the core, with the core's
 * message (thread-local, so read it at once), after `context` when not NULL. */
static void ps_throw_status_ctx(paysign_status st, const char *context)
{
	char buf[PS_STACK_BUF];
	zend_string *msg;
	size_t n = paysign_last_error(buf, sizeof buf);

	if (n < sizeof buf) {
		msg = zend_string_init(buf, n, 0);
	} else {
		size_t n2;
		msg = zend_string_alloc(n, 0);
		n2 = paysign_last_error(ZSTR_VAL(msg), n + 1);
		if (n2 < n) {
			n = n2;
		}
		ZSTR_LEN(msg) = n;
		ZSTR_VAL(msg)[n] = '\0';
	}
	if (ZSTR_LEN(msg) == 0) {
		const char *name = paysign_status_name(st);
		zend_string_release(msg);
		msg = strpprintf(0, "%s", name ? name : "paysign error");
	}
	if (context) {
		zend_string *full = strpprintf(0, "%s: %s", context, ZSTR_VAL(msg));
		zend_string_release(msg);
		msg = full;
	}
	zend_throw_exception(paysign_exception_ce, ZSTR_VAL(msg), (zend_long) st);
	zend_string_release(msg);
}

static void ps_throw_status(paysign_status st)
{
	ps_throw_status_ctx(st, NULL);
}

/* Throw PaySign\Exception for an error found by the wrapper itself. */
static void ps_throw(paysign_status st, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	zend_vspprintf(&msg, 0, fmt, ap);
	va_end(ap);
	zend_throw_exception(paysign_exception_ce, msg, (zend_long) st);
	efree(msg);
}

/* TypeError about argument arg_num, worded as PHP words its own. */
static void ps_arg_type_error(uint32_t arg_num, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	zend_vspprintf(&msg, 0, fmt, ap);
	va_end(ap);
#if PHP_VERSION_ID >= 80000
	zend_argument_type_error(arg_num, "%s", msg);
#else
	zend_type_error("%s() expects parameter %u %s", get_active_function_name(), arg_num, msg);
#endif
	efree(msg);
}

/* A host string with an embedded NUL would be truncated by the C ABI:
 * reject it as an invalid argument, never truncate silently. */
static zend_always_inline int ps_has_nul(const char *s, size_t len)
{
	return memchr(s, '\0', len) != NULL;
}

static int ps_check_nul(const zend_string *s, const char *what)
{
	if (s && ps_has_nul(ZSTR_VAL(s), ZSTR_LEN(s))) {
		ps_throw(PAYSIGN_INVALID_ARGUMENT, "%s contains a NUL byte", what);
		return FAILURE;
	}
	return SUCCESS;
}

#define PS_CSTR_OR_NULL(zs) ((zs) ? ZSTR_VAL(zs) : NULL)

/* ------------------------------------------------------------------------ */
/* text out: call, and retry once at the full length                        */

typedef paysign_status (*ps_out_fn)(const void *ctx, char *buf, size_t cap, size_t *out_len);

/* Returns the text, or NULL with *status set to the failing status. */
static zend_string *ps_call_out(ps_out_fn fn, const void *ctx, paysign_status *status)
{
	char buf[PS_STACK_BUF];
	size_t len = 0;
	paysign_status st = fn(ctx, buf, sizeof buf, &len);

	if (st == PAYSIGN_OK) {
		*status = st;
		return zend_string_init(buf, len < sizeof buf ? len : sizeof buf - 1, 0);
	}
	if (st == PAYSIGN_BUFFER_TOO_SMALL) {
		zend_string *s = zend_string_alloc(len, 0);
		size_t len2 = 0;

		st = fn(ctx, ZSTR_VAL(s), len + 1, &len2);
		if (st == PAYSIGN_OK) {
			ZSTR_LEN(s) = len2 <= len ? len2 : len;
			ZSTR_VAL(s)[ZSTR_LEN(s)] = '\0';
			*status = st;
			return s;
		}
		zend_string_efree(s);
	}
	*status = st;
	return NULL;
}

/* Return the text of fn(ctx) from a ZEND_FUNCTION, or throw its status. */
static void ps_return_text(ps_out_fn fn, const void *ctx, zval *return_value)
{
	paysign_status st;
	zend_string *out = ps_call_out(fn, ctx, &st);

	if (out == NULL) {
		ps_throw_status(st);
		return;
	}
	RETVAL_STR(out);
}

/* Like ps_call_out for results that are often longer than PS_STACK_BUF and
 * costly to compute: starts with an emalloc'd buffer of `first` bytes, and on
 * BUFFER_TOO_SMALL calls again at the reported size (at most twice more: the
 * result is recomputed on each call). Returns an emalloc'd NUL-terminated
 * text and *len, or NULL with *status set to the failing status. */
static char *ps_call_out_heap(ps_out_fn fn, const void *ctx, size_t first, size_t *len, paysign_status *status)
{
	size_t cap = first;
	int attempt;

	for (attempt = 0; attempt < 3; attempt++) {
		char *buf = emalloc(cap);
		size_t n = 0;
		paysign_status st = fn(ctx, buf, cap, &n);

		if (st == PAYSIGN_OK) {
			if (n >= cap) { /* cannot happen per the ABI; never read past buf */
				n = cap - 1;
			}
			buf[n] = '\0';
			*len = n;
			*status = st;
			return buf;
		}
		efree(buf);
		if (st != PAYSIGN_BUFFER_TOO_SMALL || n < cap || n == (size_t) -1) {
			*status = st;
			return NULL;
		}
		cap = n + 1;
	}
	*status = PAYSIGN_BUFFER_TOO_SMALL;
	return NULL;
}

/* ------------------------------------------------------------------------ */
/* PaySign\Key                                                               */

/* A native key shared by the key cache and the PHP objects that came from it.
 * Persistent memory: it outlives the request. Freed when the last holder lets go. */
struct ps_shared_key {
	paysign_key *key;
	uint32_t refs;
};

static ps_shared_key *ps_shared_key_ref(ps_shared_key *sk)
{
	sk->refs++;
	return sk;
}

static void ps_shared_key_unref(ps_shared_key *sk)
{
	if (sk != NULL && --sk->refs == 0) {
		paysign_key_free(sk->key);
		pefree(sk, 1);
	}
}

typedef struct {
	paysign_key *key;     /* the native key, owned when shared is NULL */
	ps_shared_key *shared; /* set when key came from the cache: one reference */
	zend_object std;
} ps_key_object;

/* Let go of the object's key: free it, or drop its reference to a cached one. */
static void ps_key_release(ps_key_object *o)
{
	if (o->shared != NULL) {
		ps_shared_key_unref(o->shared);
	} else {
		paysign_key_free(o->key); /* NULL is fine */
	}
	o->key = NULL;
	o->shared = NULL;
}

static zend_always_inline ps_key_object *ps_key_from_obj(zend_object *obj)
{
	return (ps_key_object *) ((char *) obj - XtOffsetOf(ps_key_object, std));
}

static zend_object *ps_key_create(zend_class_entry *ce)
{
	ps_key_object *o = zend_object_alloc(sizeof(ps_key_object), ce);

	o->key = NULL;
	o->shared = NULL;
	zend_object_std_init(&o->std, ce);
	object_properties_init(&o->std, ce);
	o->std.handlers = &paysign_key_handlers;
	return &o->std;
}

static void ps_key_free(zend_object *obj)
{
	ps_key_release(ps_key_from_obj(obj));
	zend_object_std_dtor(obj);
}

/* The key of an optional ?Key argument: NULL when the argument is null;
 * FAILURE (exception thrown) when the Key was closed. */
static int ps_key_arg(zval *zkey, const paysign_key **out)
{
	*out = NULL;
	if (zkey == NULL || Z_TYPE_P(zkey) != IS_OBJECT) {
		return SUCCESS;
	}
	*out = ps_key_from_obj(Z_OBJ_P(zkey))->key;
	if (*out == NULL) {
		ps_throw(PAYSIGN_INVALID_ARGUMENT, "the PaySign\\Key has been closed");
		return FAILURE;
	}
	return SUCCESS;
}

static void ps_return_key(zval *return_value, paysign_key *key)
{
	object_init_ex(return_value, paysign_key_ce);
	ps_key_from_obj(Z_OBJ_P(return_value))->key = key;
}

ZEND_METHOD(PaySign_Key, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(PaySign_Key, secret)
{
	zend_string *secret;
	paysign_key *key = NULL;
	paysign_status st;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(secret)
	ZEND_PARSE_PARAMETERS_END();

	if (ps_check_nul(secret, "secret") == FAILURE) {
		RETURN_THROWS();
	}
	st = paysign_key_secret(ZSTR_VAL(secret), &key);
	if (st != PAYSIGN_OK) {
		paysign_key_free(key);
		ps_throw_status(st);
		RETURN_THROWS();
	}
	ps_return_key(return_value, key);
}

ZEND_METHOD(PaySign_Key, load)
{
	zend_string *data, *password = NULL;
	paysign_key *key = NULL;
	paysign_status st;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(data) /* bytes: DER and PKCS#12 hold NULs */
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_EX(password, 1, 0)
	ZEND_PARSE_PARAMETERS_END();

	if (ps_check_nul(password, "password") == FAILURE) {
		RETURN_THROWS();
	}
	st = paysign_key_load((const uint8_t *) ZSTR_VAL(data), ZSTR_LEN(data), PS_CSTR_OR_NULL(password), &key);
	if (st != PAYSIGN_OK) {
		paysign_key_free(key);
		ps_throw_status(st);
		RETURN_THROWS();
	}
	ps_return_key(return_value, key);
}

/* ------------------------------------------------------------------------ */
/* the key cache                                                             */

/* A key file as loaded once: the file's identity and a keyed hash of the
 * password (never the password). A file whose size, mtime, inode or device
 * changed is loaded again. */
struct ps_cache_entry {
	char *path; /* realpath, persistent */
	zend_off_t size;
	time_t mtime;
	long mtime_ns;
	zend_ulong ino, dev;
	unsigned char password_hash[32];
	uint64_t used; /* tick of the last hit or load */
	ps_shared_key *key;
};

#define PS_CACHE_MAX 4096

static PHP_INI_MH(ps_update_cache_size)
{
	zend_long n = ZEND_STRTOL(ZSTR_VAL(new_value), NULL, 10);

	if (n < 0 || n > PS_CACHE_MAX) {
		return FAILURE;
	}
	return OnUpdateLong(entry, new_value, mh_arg1, mh_arg2, mh_arg3, stage);
}

PHP_INI_BEGIN()
	STD_PHP_INI_BOOLEAN("paysign.key_cache", "1", PHP_INI_ALL, OnUpdateBool,
		key_cache, zend_paysign_globals, paysign_globals)
	STD_PHP_INI_ENTRY("paysign.key_cache_size", "16", PHP_INI_SYSTEM, ps_update_cache_size,
		key_cache_size, zend_paysign_globals, paysign_globals)
PHP_INI_END()

/* SHA-256(per-worker random salt, 1 byte "has a password", password). */
static void ps_password_hash(const zend_string *password, unsigned char out[32])
{
	PHP_SHA256_CTX ctx;
	unsigned char has = password != NULL;

	if (!PAYSIGN_G(salted)) {
		if (php_random_bytes_silent(PAYSIGN_G(salt), sizeof PAYSIGN_G(salt)) == FAILURE) {
			/* no entropy source: the hash is still one-way, only unkeyed */
			memset(PAYSIGN_G(salt), 0, sizeof PAYSIGN_G(salt));
		}
		PAYSIGN_G(salted) = 1;
	}
	PHP_SHA256Init(&ctx);
	PHP_SHA256Update(&ctx, PAYSIGN_G(salt), sizeof PAYSIGN_G(salt));
	PHP_SHA256Update(&ctx, &has, 1);
	if (password != NULL) {
		PHP_SHA256Update(&ctx, (const unsigned char *) ZSTR_VAL(password), ZSTR_LEN(password));
	}
	PHP_SHA256Final(out, &ctx);
}

static void ps_cache_drop(uint32_t i)
{
	ps_cache_entry *e = &PAYSIGN_G(entries)[i];

	pefree(e->path, 1);
	ps_shared_key_unref(e->key);
	/* keep entries[0..count) dense */
	PAYSIGN_G(count)--;
	if (i != PAYSIGN_G(count)) {
		*e = PAYSIGN_G(entries)[PAYSIGN_G(count)];
	}
}

static uint32_t ps_cache_clear(void)
{
	uint32_t n = PAYSIGN_G(count);

	while (PAYSIGN_G(count) > 0) {
		ps_cache_drop(PAYSIGN_G(count) - 1);
	}
	return n;
}

static int ps_same_hash(const unsigned char *a, const unsigned char *b)
{
	unsigned char d = 0;
	int i;

	for (i = 0; i < 32; i++) {
		d |= a[i] ^ b[i];
	}
	return d == 0;
}

/* The key at `path` (already resolved and checked against open_basedir) with
 * `password`: from the cache when the same file and password were loaded
 * before, else loaded and cached. *out holds one reference for the caller. */
static paysign_status ps_cache_load(const char *path, const zend_string *password, ps_shared_key **out)
{
	char real[MAXPATHLEN];
	zend_stat_t sb;
	unsigned char ph[32];
	paysign_key *key = NULL;
	ps_cache_entry *e;
	paysign_status st;
	uint32_t i, cap = (uint32_t) PAYSIGN_G(key_cache_size);
	long ns = 0;

	*out = NULL;
	/* a path that cannot be resolved or stat'ed is not cached: the plain load
	 * reports what is wrong with it */
	if (VCWD_REALPATH(path, real) == NULL || VCWD_STAT(real, &sb) != 0) {
		goto uncached;
	}
#if defined(__linux__)
	ns = (long) sb.st_mtim.tv_nsec;
#endif
	ps_password_hash(password, ph);
	PAYSIGN_G(tick)++;
	for (i = 0; i < PAYSIGN_G(count); i++) {
		e = &PAYSIGN_G(entries)[i];
		if (strcmp(e->path, real) != 0 || !ps_same_hash(e->password_hash, ph)) {
			continue;
		}
		if (e->size == sb.st_size && e->mtime == sb.st_mtime && e->mtime_ns == ns
				&& e->ino == (zend_ulong) sb.st_ino && e->dev == (zend_ulong) sb.st_dev) {
			PAYSIGN_G(hits)++;
			e->used = PAYSIGN_G(tick);
			*out = ps_shared_key_ref(e->key);
			return PAYSIGN_OK;
		}
		ps_cache_drop(i); /* the file changed: load it again */
		break;
	}
	PAYSIGN_G(misses)++;
	st = paysign_key_load_file(real, password ? ZSTR_VAL(password) : NULL, &key);
	if (st != PAYSIGN_OK) {
		paysign_key_free(key);
		return st; /* a failed load (a wrong password) is never cached */
	}
	if (PAYSIGN_G(entries) == NULL || PAYSIGN_G(capacity) != cap) {
		ps_cache_clear();
		if (PAYSIGN_G(entries) != NULL) {
			pefree(PAYSIGN_G(entries), 1);
		}
		PAYSIGN_G(entries) = pecalloc(cap, sizeof(ps_cache_entry), 1);
		PAYSIGN_G(capacity) = cap;
	}
	if (PAYSIGN_G(count) == cap) { /* full: the least recently used goes */
		uint32_t lru = 0;
		for (i = 1; i < PAYSIGN_G(count); i++) {
			if (PAYSIGN_G(entries)[i].used < PAYSIGN_G(entries)[lru].used) {
				lru = i;
			}
		}
		ps_cache_drop(lru);
	}
	e = &PAYSIGN_G(entries)[PAYSIGN_G(count)++];
	e->path = pestrdup(real, 1);
	e->size = sb.st_size;
	e->mtime = sb.st_mtime;
	e->mtime_ns = ns;
	e->ino = (zend_ulong) sb.st_ino;
	e->dev = (zend_ulong) sb.st_dev;
	memcpy(e->password_hash, ph, sizeof ph);
	e->used = PAYSIGN_G(tick);
	e->key = pemalloc(sizeof(ps_shared_key), 1);
	e->key->key = key;
	e->key->refs = 1; /* the cache's */
	*out = ps_shared_key_ref(e->key);
	return PAYSIGN_OK;

uncached:
	st = paysign_key_load_file(path, password ? ZSTR_VAL(password) : NULL, &key);
	if (st != PAYSIGN_OK) {
		paysign_key_free(key);
		return st;
	}
	*out = pemalloc(sizeof(ps_shared_key), 1);
	(*out)->key = key;
	(*out)->refs = 1;
	return PAYSIGN_OK;
}

ZEND_METHOD(PaySign_Key, clearCache)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_LONG((zend_long) ps_cache_clear());
}

ZEND_METHOD(PaySign_Key, cacheStats)
{
	ZEND_PARSE_PARAMETERS_NONE();
	array_init(return_value);
	add_assoc_bool(return_value, "enabled", PAYSIGN_G(key_cache) && PAYSIGN_G(key_cache_size) > 0);
	add_assoc_long(return_value, "capacity", PAYSIGN_G(key_cache_size));
	add_assoc_long(return_value, "entries", (zend_long) PAYSIGN_G(count));
	add_assoc_long(return_value, "hits", (zend_long) PAYSIGN_G(hits));
	add_assoc_long(return_value, "misses", (zend_long) PAYSIGN_G(misses));
}

ZEND_METHOD(PaySign_Key, fromFile)
{
	zend_string *path, *password = NULL;
	char resolved[MAXPATHLEN];
	paysign_key *key = NULL;
	paysign_status st;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(path)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_EX(password, 1, 0)
	ZEND_PARSE_PARAMETERS_END();

	if (ps_check_nul(path, "path") == FAILURE || ps_check_nul(password, "password") == FAILURE) {
		RETURN_THROWS();
	}
	/* PHP's own rules for a local path: relative to PHP's (virtual, under ZTS)
	 * working directory, and subject to open_basedir. */
	if (ZSTR_LEN(path) == 0 || !expand_filepath(ZSTR_VAL(path), resolved)) {
		ps_throw(PAYSIGN_IO_ERROR, "cannot resolve key file path '%s'", ZSTR_VAL(path));
		RETURN_THROWS();
	}
	if (php_check_open_basedir(resolved)) {
		ps_throw(PAYSIGN_IO_ERROR, "key file '%s' is outside open_basedir", ZSTR_VAL(path));
		RETURN_THROWS();
	}
	if (PAYSIGN_G(key_cache) && PAYSIGN_G(key_cache_size) > 0) {
		ps_shared_key *sk = NULL;
		st = ps_cache_load(resolved, password, &sk);
		if (st != PAYSIGN_OK) {
			ps_throw_status(st);
			RETURN_THROWS();
		}
		ps_return_key(return_value, sk->key);
		ps_key_from_obj(Z_OBJ_P(return_value))->shared = sk;
		return;
	}
	st = paysign_key_load_file(resolved, PS_CSTR_OR_NULL(password), &key);
	if (st != PAYSIGN_OK) {
		paysign_key_free(key);
		ps_throw_status(st);
		RETURN_THROWS();
	}
	ps_return_key(return_value, key);
}

ZEND_METHOD(PaySign_Key, builtin)
{
	zend_string *name;
	paysign_key *key = NULL;
	paysign_status st;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(name)
	ZEND_PARSE_PARAMETERS_END();

	if (ps_check_nul(name, "name") == FAILURE) {
		RETURN_THROWS();
	}
	st = paysign_key_builtin(ZSTR_VAL(name), &key);
	if (st != PAYSIGN_OK) {
		paysign_key_free(key);
		ps_throw_status(st); /* INVALID_ARGUMENT; the message lists the known names */
		RETURN_THROWS();
	}
	ps_return_key(return_value, key);
}

ZEND_METHOD(PaySign_Key, close)
{
	ps_key_object *o;

	ZEND_PARSE_PARAMETERS_NONE();
	o = ps_key_from_obj(Z_OBJ_P(ZEND_THIS));
	ps_key_release(o); /* a cached key stays in the cache */
}

ZEND_METHOD(PaySign_Key, isClosed)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_BOOL(ps_key_from_obj(Z_OBJ_P(ZEND_THIS))->key == NULL);
}

/* ------------------------------------------------------------------------ */
/* PaySign\Exception                                                         */

static int ps_known_status(zend_long code)
{
	switch (code) {
		case PAYSIGN_OK: case PAYSIGN_BAD_SIGNATURE: case PAYSIGN_NULL_ARGUMENT:
		case PAYSIGN_INVALID_ARGUMENT: case PAYSIGN_UNKNOWN_PROFILE: case PAYSIGN_MISSING_FIELD:
		case PAYSIGN_INVALID_FIELD: case PAYSIGN_DUPLICATE_FIELD: case PAYSIGN_MALFORMED_INPUT:
		case PAYSIGN_CHARSET_ERROR: case PAYSIGN_STALE_TIMESTAMP: case PAYSIGN_KEY_ERROR:
		case PAYSIGN_KEY_MISMATCH: case PAYSIGN_UNSUPPORTED: case PAYSIGN_DECRYPT_ERROR:
		case PAYSIGN_BUFFER_TOO_SMALL: case PAYSIGN_IO_ERROR:
		case PAYSIGN_PANIC: case PAYSIGN_UNTRUSTED_CERT:
			return 1;
		default:
			return 0;
	}
}

ZEND_METHOD(PaySign_Exception, getStatusName)
{
	zval rv, *code;
	zend_long c;
	const char *name;

	ZEND_PARSE_PARAMETERS_NONE();
#if PHP_VERSION_ID >= 80000
	code = zend_read_property(zend_ce_exception, Z_OBJ_P(ZEND_THIS), "code", sizeof("code") - 1, 1, &rv);
#else
	code = zend_read_property(zend_ce_exception, ZEND_THIS, "code", sizeof("code") - 1, 1, &rv);
#endif
	c = zval_get_long(code);
	/* Only numbers the core defines are passed to it (an enum argument). */
	name = ps_known_status(c) ? paysign_status_name((paysign_status) c) : NULL;
	RETURN_STRING(name ? name : "");
}

/* ------------------------------------------------------------------------ */
/* arrays <-> paysign_params                                                 */

/* Convert a scalar array value to its string; TypeError otherwise. */
static zend_string *ps_value_string(zval *val, uint32_t arg_num, const char *what, const char *name)
{
	ZVAL_DEREF(val);
	switch (Z_TYPE_P(val)) {
		case IS_STRING:
			return zend_string_copy(Z_STR_P(val));
		case IS_LONG:
		case IS_DOUBLE:
			return zval_get_string(val); /* PHP's usual int/float to string */
		default:
			ps_arg_type_error(arg_num, "%s \"%s\" must be of type string|int|float, %s given",
				what, name, zend_zval_type_name(val));
			return NULL;
	}
}

/* An int as (string) $int gives it, written at the end of buf; returns its first digit. */
static const char *ps_long_text(char buf[MAX_LENGTH_OF_LONG + 1], zend_long n, size_t *len)
{
	char *end = buf + MAX_LENGTH_OF_LONG;
	const char *start;

	*end = '\0';
	start = zend_print_long_to_buf(end, n);
	*len = (size_t) (end - start);
	return start;
}

/* The packed form paysign_params_set_all takes: "name NUL value NUL ..." in one buffer, on the
 * stack for a usual request and in emalloc'd memory past that. Values may be personal data
 * (card numbers, payer ids): the bytes are zeroed before the buffer is let go. */
#define PS_PACK_STACK 4096

typedef struct {
	char *buf;
	size_t len;
	size_t cap;
	char stack[PS_PACK_STACK];
} ps_pack;

static void ps_pack_grow(ps_pack *pk, size_t more)
{
	size_t cap = pk->cap * 2;
	char *buf;

	if (cap < pk->len + more) {
		cap = pk->len + more;
	}
	buf = emalloc(cap);
	memcpy(buf, pk->buf, pk->len);
	ZEND_SECURE_ZERO(pk->buf, pk->len);
	if (pk->buf != pk->stack) {
		efree(pk->buf);
	}
	pk->buf = buf;
	pk->cap = cap;
}

/* Appends len bytes and a NUL. */
static zend_always_inline void ps_pack_add(ps_pack *pk, const char *s, size_t len)
{
	if (UNEXPECTED(pk->cap - pk->len <= len)) {
		ps_pack_grow(pk, len + 1);
	}
	memcpy(pk->buf + pk->len, s, len);
	pk->len += len;
	pk->buf[pk->len++] = '\0';
}

static void ps_pack_release(ps_pack *pk)
{
	ZEND_SECURE_ZERO(pk->buf, pk->len);
	if (pk->buf != pk->stack) {
		efree(pk->buf);
	}
}

/* name => value array (in order) to a new paysign_params, set in one paysign_params_set_all
 * call; NULL after throwing. Integer keys are their decimal text; int and float values are
 * converted as PHP converts them to string; anything else is a TypeError naming the field.
 * A NUL would end a name or value early in the packed form: it is refused here, by name. */
static paysign_params *ps_params_from_array(HashTable *ht, uint32_t arg_num)
{
	ps_pack pk;
	paysign_params *p = NULL;
	paysign_status st;
	zend_string *key;
	zend_ulong idx;
	zval *val;

	pk.buf = pk.stack;
	pk.len = 0;
	pk.cap = sizeof pk.stack;

	ZEND_HASH_FOREACH_KEY_VAL(ht, idx, key, val) {
		char numbuf[MAX_LENGTH_OF_LONG + 1];
		char valbuf[MAX_LENGTH_OF_LONG + 1];
		const char *name;
		const char *v;
		size_t len;
		zend_string *tmp = NULL;

		if (key) {
			name = ZSTR_VAL(key);
			if (ps_has_nul(ZSTR_VAL(key), ZSTR_LEN(key))) {
				ps_throw(PAYSIGN_INVALID_ARGUMENT, "field name \"%s\" contains a NUL byte", name);
				goto done;
			}
			ps_pack_add(&pk, ZSTR_VAL(key), ZSTR_LEN(key));
		} else {
			name = ps_long_text(numbuf, (zend_long) idx, &len);
			ps_pack_add(&pk, name, len);
		}

		ZVAL_DEREF(val);
		if (EXPECTED(Z_TYPE_P(val) == IS_STRING)) {
			v = Z_STRVAL_P(val);
			len = Z_STRLEN_P(val);
		} else if (Z_TYPE_P(val) == IS_LONG) {
			v = ps_long_text(valbuf, Z_LVAL_P(val), &len);
		} else {
			tmp = ps_value_string(val, arg_num, "value of field", name); /* float, or TypeError */
			if (tmp == NULL) {
				goto done;
			}
			v = ZSTR_VAL(tmp);
			len = ZSTR_LEN(tmp);
		}
		if (ps_has_nul(v, len)) {
			if (tmp) {
				zend_string_release(tmp);
			}
			ps_throw(PAYSIGN_INVALID_ARGUMENT, "value of field \"%s\" contains a NUL byte", name);
			goto done;
		}
		ps_pack_add(&pk, v, len);
		if (tmp) {
			zend_string_release(tmp);
		}
	} ZEND_HASH_FOREACH_END();

	p = paysign_params_new();
	if (p == NULL) {
		ps_throw(PAYSIGN_PANIC, "paysign_params_new failed");
		goto done;
	}
	st = paysign_params_set_all(p, (const uint8_t *) pk.buf, pk.len);
	if (st != PAYSIGN_OK) {
		ps_throw_status(st); /* the core's message names the field */
		paysign_params_free(p);
		p = NULL;
	}

done:
	ps_pack_release(&pk);
	return p;
}

static paysign_status ps_get_all(const void *params, char *buf, size_t cap, size_t *out_len)
{
	return paysign_params_get_all(params, buf, cap, out_len);
}

/* paysign_params to a PHP array name => value, in order, from one paysign_params_get_all
 * (name NUL value NUL ...); FAILURE after throwing. */
static int ps_params_to_array(const paysign_params *p, zval *arr)
{
	paysign_status st;
	zend_string *all = ps_call_out(ps_get_all, p, &st);
	const char *at, *end;

	if (all == NULL) {
		ZVAL_NULL(arr);
		ps_throw_status(st);
		return FAILURE;
	}
	array_init(arr);
	at = ZSTR_VAL(all);
	end = at + ZSTR_LEN(all);
	while (at < end) {
		const char *name_end = memchr(at, '\0', (size_t) (end - at));
		const char *value = name_end == NULL ? end : name_end + 1;
		const char *value_end = memchr(value, '\0', (size_t) (end - value));
		zend_string *name;
		zval zv;

		if (name_end == NULL || value_end == NULL) {
			break; /* cannot happen per the ABI: every piece ends with a NUL */
		}
		name = zend_string_init(at, (size_t) (name_end - at), 0);
		ZVAL_STRINGL(&zv, value, (size_t) (value_end - value));
		zend_symtable_update(Z_ARRVAL_P(arr), name, &zv);
		zend_string_release(name);
		at = value_end + 1;
	}
	zend_string_release(all);
	return SUCCESS;
}

/* options: null, "k=v&k=v", or ["k" => "v", ...] joined with '&'.
 * *out is NULL for none. FAILURE after throwing. */
static int ps_options(zval *z, uint32_t arg_num, zend_string **out)
{
	*out = NULL;
	if (z == NULL) {
		return SUCCESS;
	}
	ZVAL_DEREF(z);
	switch (Z_TYPE_P(z)) {
		case IS_NULL:
			return SUCCESS;
		case IS_STRING:
			if (ps_check_nul(Z_STR_P(z), "options") == FAILURE) {
				return FAILURE;
			}
			*out = zend_string_copy(Z_STR_P(z));
			return SUCCESS;
		case IS_ARRAY: {
			smart_str s = {0};
			zend_string *key;
			zval *val;

			ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(z), key, val) {
				zend_string *sval;

				if (key == NULL) {
					smart_str_free(&s);
					ps_arg_type_error(arg_num, "must be a string or an array with string keys (option names)");
					return FAILURE;
				}
				sval = ps_value_string(val, arg_num, "value of option", ZSTR_VAL(key));
				if (sval == NULL) {
					smart_str_free(&s);
					return FAILURE;
				}
				if (ps_has_nul(ZSTR_VAL(key), ZSTR_LEN(key)) || ps_has_nul(ZSTR_VAL(sval), ZSTR_LEN(sval))) {
					ps_throw(PAYSIGN_INVALID_ARGUMENT, "option \"%s\" contains a NUL byte", ZSTR_VAL(key));
				} else if (memchr(ZSTR_VAL(key), '&', ZSTR_LEN(key)) || memchr(ZSTR_VAL(key), '=', ZSTR_LEN(key))
						|| memchr(ZSTR_VAL(sval), '&', ZSTR_LEN(sval))) {
					/* joining would change what the options say */
					ps_throw(PAYSIGN_INVALID_ARGUMENT, "option \"%s\" contains '&' or '='", ZSTR_VAL(key));
				}
				if (EG(exception)) {
					zend_string_release(sval);
					smart_str_free(&s);
					return FAILURE;
				}
				if (s.s && ZSTR_LEN(s.s)) {
					smart_str_appendc(&s, '&');
				}
				smart_str_append(&s, key);
				smart_str_appendc(&s, '=');
				smart_str_append(&s, sval);
				zend_string_release(sval);
			} ZEND_HASH_FOREACH_END();
			smart_str_0(&s);
			*out = s.s; /* NULL for an empty array */
			return SUCCESS;
		}
		default:
			ps_arg_type_error(arg_num, "must be of type array|string|null, %s given", zend_zval_type_name(z));
			return FAILURE;
	}
}

/* ------------------------------------------------------------------------ */
/* sign, sign_params, sign_string, verify                                    */

typedef struct {
	const char *profile;
	const char *options;
	paysign_params *params;
	const paysign_key *key;
} ps_sign_ctx;

static paysign_status ps_sign_fn(const void *c, char *buf, size_t cap, size_t *out_len)
{
	const ps_sign_ctx *ctx = c;
	return paysign_sign(ctx->profile, ctx->options, ctx->params, ctx->key, buf, cap, out_len);
}

static paysign_status ps_sign_string_fn(const void *c, char *buf, size_t cap, size_t *out_len)
{
	const ps_sign_ctx *ctx = c;
	return paysign_sign_string(ctx->profile, ctx->options, ctx->params, ctx->key, buf, cap, out_len);
}

enum ps_op { PS_SIGN, PS_SIGN_PARAMS, PS_SIGN_STRING, PS_VERIFY };

static void ps_params_op(INTERNAL_FUNCTION_PARAMETERS, enum ps_op op)
{
	zend_string *profile, *options = NULL, *out;
	HashTable *ht;
	zval *zkey = NULL, *zoptions = NULL;
	ps_sign_ctx ctx;
	paysign_status st;

	ZEND_PARSE_PARAMETERS_START(2, 4)
		Z_PARAM_STR(profile)
		Z_PARAM_ARRAY_HT(ht)
		Z_PARAM_OPTIONAL
		Z_PARAM_OBJECT_OF_CLASS_EX(zkey, paysign_key_ce, 1, 0)
		Z_PARAM_ZVAL(zoptions)
	ZEND_PARSE_PARAMETERS_END();

	if (ps_check_nul(profile, "profile") == FAILURE
			|| ps_key_arg(zkey, &ctx.key) == FAILURE
			|| ps_options(zoptions, 4, &options) == FAILURE) {
		RETURN_THROWS();
	}
	ctx.params = ps_params_from_array(ht, 2);
	if (ctx.params == NULL) {
		if (options) {
			zend_string_release(options);
		}
		RETURN_THROWS();
	}
	ctx.profile = ZSTR_VAL(profile);
	ctx.options = PS_CSTR_OR_NULL(options);

	switch (op) {
		case PS_SIGN:
		case PS_SIGN_PARAMS:
			out = ps_call_out(ps_sign_fn, &ctx, &st);
			if (out == NULL) {
				ps_throw_status(st);
			} else if (op == PS_SIGN) {
				RETVAL_STR(out);
			} else {
				zend_string_release(out);
				/* paysign_sign has set the signature field in the params */
				ps_params_to_array(ctx.params, return_value);
			}
			break;
		case PS_SIGN_STRING:
			out = ps_call_out(ps_sign_string_fn, &ctx, &st);
			if (out == NULL) {
				ps_throw_status(st);
			} else {
				RETVAL_STR(out);
			}
			break;
		case PS_VERIFY:
			st = paysign_verify(ctx.profile, ctx.options, ctx.params, ctx.key);
			if (st == PAYSIGN_OK || st == PAYSIGN_BAD_SIGNATURE) {
				RETVAL_BOOL(st == PAYSIGN_OK);
			} else {
				ps_throw_status(st);
			}
			break;
	}
	paysign_params_free(ctx.params);
	if (options) {
		zend_string_release(options);
	}
}

ZEND_FUNCTION(PaySign_sign)
{
	ps_params_op(INTERNAL_FUNCTION_PARAM_PASSTHRU, PS_SIGN);
}

ZEND_FUNCTION(PaySign_sign_params)
{
	ps_params_op(INTERNAL_FUNCTION_PARAM_PASSTHRU, PS_SIGN_PARAMS);
}

ZEND_FUNCTION(PaySign_sign_string)
{
	ps_params_op(INTERNAL_FUNCTION_PARAM_PASSTHRU, PS_SIGN_STRING);
}

ZEND_FUNCTION(PaySign_verify)
{
	ps_params_op(INTERNAL_FUNCTION_PARAM_PASSTHRU, PS_VERIFY);
}

/* ------------------------------------------------------------------------ */
/* verify_body                                                               */

ZEND_FUNCTION(PaySign_verify_body)
{
	zend_string *profile, *body, *format = NULL, *charset = NULL, *options = NULL;
	zval *zkey = NULL, *zoptions = NULL, *zout = NULL;
	const paysign_key *key;
	paysign_params *parsed = NULL;
	paysign_status st;

	ZEND_PARSE_PARAMETERS_START(2, 7)
		Z_PARAM_STR(profile)
		Z_PARAM_STR(body) /* bytes, exactly as received */
		Z_PARAM_OPTIONAL
		Z_PARAM_OBJECT_OF_CLASS_EX(zkey, paysign_key_ce, 1, 0)
		Z_PARAM_STR(format)
		Z_PARAM_STR_EX(charset, 1, 0)
		Z_PARAM_ZVAL(zoptions)
		Z_PARAM_ZVAL(zout) /* by reference */
	ZEND_PARSE_PARAMETERS_END();

	if (ps_check_nul(profile, "profile") == FAILURE
			|| ps_check_nul(format, "format") == FAILURE
			|| ps_check_nul(charset, "charset") == FAILURE
			|| ps_key_arg(zkey, &key) == FAILURE
			|| ps_options(zoptions, 6, &options) == FAILURE) {
		RETURN_THROWS();
	}

	st = paysign_verify_body(ZSTR_VAL(profile), PS_CSTR_OR_NULL(options),
		(const uint8_t *) ZSTR_VAL(body), ZSTR_LEN(body),
		format ? ZSTR_VAL(format) : "form", PS_CSTR_OR_NULL(charset), key,
		zout ? &parsed : NULL);
	if (options) {
		zend_string_release(options);
	}

	if (st == PAYSIGN_OK) {
		if (zout) {
			zval arr;
			if (parsed == NULL) {
				array_init(&arr);
			} else if (ps_params_to_array(parsed, &arr) == FAILURE) {
				paysign_params_free(parsed);
				RETURN_THROWS();
			}
			ZEND_TRY_ASSIGN_REF_ARR(zout, Z_ARRVAL(arr));
		}
		RETVAL_TRUE;
	} else if (st == PAYSIGN_BAD_SIGNATURE) {
		if (zout) {
			ZEND_TRY_ASSIGN_REF_NULL(zout);
		}
		RETVAL_FALSE;
	} else {
		if (zout) {
			ZEND_TRY_ASSIGN_REF_NULL(zout);
		}
		ps_throw_status(st);
	}
	paysign_params_free(parsed);
}

/* ------------------------------------------------------------------------ */
/* reply, version, profiles                                                  */

typedef struct {
	const char *profile;
	int success;
	const char *redirect_url;
} ps_reply_ctx;

static paysign_status ps_reply_fn(const void *c, char *buf, size_t cap, size_t *out_len)
{
	const ps_reply_ctx *ctx = c;
	return paysign_reply(ctx->profile, ctx->success, ctx->redirect_url, buf, cap, out_len);
}

ZEND_FUNCTION(PaySign_reply)
{
	zend_string *profile, *redirect = NULL;
#if PHP_VERSION_ID >= 80000
	bool success;
#else
	zend_bool success;
#endif
	ps_reply_ctx ctx;

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_STR(profile)
		Z_PARAM_BOOL(success)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_EX(redirect, 1, 0)
	ZEND_PARSE_PARAMETERS_END();

	if (ps_check_nul(profile, "profile") == FAILURE || ps_check_nul(redirect, "redirectUrl") == FAILURE) {
		RETURN_THROWS();
	}
	ctx.profile = ZSTR_VAL(profile);
	ctx.success = success ? 1 : 0;
	ctx.redirect_url = PS_CSTR_OR_NULL(redirect);
	ps_return_text(ps_reply_fn, &ctx, return_value);
}

ZEND_FUNCTION(PaySign_version)
{
	const char *v;

	ZEND_PARSE_PARAMETERS_NONE();
	v = paysign_version();
	RETURN_STRING(v ? v : "");
}

ZEND_FUNCTION(PaySign_profiles)
{
	size_t len, len2;
	char *buf, *line, *end;

	ZEND_PARSE_PARAMETERS_NONE();
	len = paysign_profiles(NULL, 0);
	buf = emalloc(len + 1);
	len2 = paysign_profiles(buf, len + 1);
	if (len2 < len) {
		len = len2;
	}
	buf[len] = '\0';

	array_init(return_value);
	/* one profile a line: "id<TAB>description" (the description may be absent) */
	for (line = buf, end = buf + len; line < end; ) {
		char *nl = memchr(line, '\n', end - line);
		size_t n = nl ? (size_t) (nl - line) : (size_t) (end - line);
		if (n > 0) {
			char *tab = memchr(line, '\t', n);
			size_t id_len = tab ? (size_t) (tab - line) : n;
			zval desc;
			if (tab) {
				ZVAL_STRINGL(&desc, tab + 1, n - id_len - 1);
			} else {
				ZVAL_EMPTY_STRING(&desc);
			}
			zend_symtable_str_update(Z_ARRVAL_P(return_value), line, id_len, &desc);
		}
		line += n + 1;
	}
	efree(buf);
}

/* ------------------------------------------------------------------------ */
/* diagnose, diagnose_sign, builtin_keys, alipay_notify_verify_url           */

typedef struct {
	int sign;
	const char *profile;
	const char *options;
	const uint8_t *body;
	size_t len;
	const char *format;
	const char *charset;
	const paysign_key *key;
} ps_diagnose_ctx;

static paysign_status ps_diagnose_fn(const void *c, char *buf, size_t cap, size_t *out_len)
{
	const ps_diagnose_ctx *ctx = c;
	if (ctx->sign) {
		return paysign_diagnose_sign(ctx->profile, ctx->options, ctx->body, ctx->len,
			ctx->format, ctx->charset, ctx->key, buf, cap, out_len);
	}
	return paysign_diagnose(ctx->profile, ctx->options, ctx->body, ctx->len,
		ctx->format, ctx->charset, ctx->key, buf, cap, out_len);
}

/* Returns the emalloc'd JSON report (freed here) as the array json_decode($json, true)
 * gives; a report that is not a JSON object throws, naming the C call `fn`. */
static void ps_return_report(char *report, size_t len, const char *fn, zval *return_value)
{
	if (php_json_decode_ex(return_value, report, len, PHP_JSON_OBJECT_AS_ARRAY,
			PHP_JSON_PARSER_DEFAULT_DEPTH) == FAILURE || Z_TYPE_P(return_value) != IS_ARRAY) {
		zval_ptr_dtor(return_value);
		ZVAL_NULL(return_value);
		ps_throw(PAYSIGN_PANIC, "%s wrote a report that is not a JSON object", fn);
	}
	efree(report);
}

/* The report as the array json_decode($json, true) gives. */
static void ps_diagnose(INTERNAL_FUNCTION_PARAMETERS, int sign)
{
	zend_string *profile, *body, *format = NULL, *charset = NULL, *options = NULL;
	zval *zkey = NULL, *zoptions = NULL;
	ps_diagnose_ctx ctx;
	paysign_status st;
	char *report;
	size_t len = 0;

	ZEND_PARSE_PARAMETERS_START(2, 6)
		Z_PARAM_STR(profile)
		Z_PARAM_STR(body) /* bytes, exactly as received (or as the merchant sends them) */
		Z_PARAM_OPTIONAL
		Z_PARAM_OBJECT_OF_CLASS_EX(zkey, paysign_key_ce, 1, 0)
		Z_PARAM_STR(format)
		Z_PARAM_STR_EX(charset, 1, 0)
		Z_PARAM_ZVAL(zoptions)
	ZEND_PARSE_PARAMETERS_END();

	if (ps_check_nul(profile, "profile") == FAILURE
			|| ps_check_nul(format, "format") == FAILURE
			|| ps_check_nul(charset, "charset") == FAILURE
			|| ps_key_arg(zkey, &ctx.key) == FAILURE
			|| ps_options(zoptions, 6, &options) == FAILURE) {
		RETURN_THROWS();
	}
	ctx.sign = sign;
	ctx.profile = ZSTR_VAL(profile);
	ctx.options = PS_CSTR_OR_NULL(options);
	ctx.body = (const uint8_t *) ZSTR_VAL(body);
	ctx.len = ZSTR_LEN(body);
	ctx.format = format ? ZSTR_VAL(format) : "form";
	ctx.charset = PS_CSTR_OR_NULL(charset);

	report = ps_call_out_heap(ps_diagnose_fn, &ctx, PS_REPORT_BUF, &len, &st);
	if (options) {
		zend_string_release(options);
	}
	if (report == NULL) {
		ps_throw_status(st);
		RETURN_THROWS();
	}
	ps_return_report(report, len, sign ? "paysign_diagnose_sign" : "paysign_diagnose", return_value);
}

ZEND_FUNCTION(PaySign_diagnose)
{
	ps_diagnose(INTERNAL_FUNCTION_PARAM_PASSTHRU, 0);
}

ZEND_FUNCTION(PaySign_diagnose_sign)
{
	ps_diagnose(INTERNAL_FUNCTION_PARAM_PASSTHRU, 1);
}

ZEND_FUNCTION(PaySign_builtin_keys)
{
	size_t len, len2;
	char *buf, *line, *end;

	ZEND_PARSE_PARAMETERS_NONE();
	len = paysign_builtin_keys(NULL, 0);
	buf = emalloc(len + 1);
	len2 = paysign_builtin_keys(buf, len + 1);
	if (len2 < len) {
		len = len2;
	}
	buf[len] = '\0';

	array_init(return_value);
	/* one name a line, each followed by a newline */
	for (line = buf, end = buf + len; line < end; ) {
		char *nl = memchr(line, '\n', end - line);
		size_t n = nl ? (size_t) (nl - line) : (size_t) (end - line);
		if (n > 0) {
			add_next_index_stringl(return_value, line, n);
		}
		line += n + 1;
	}
	efree(buf);
}

typedef struct {
	const char *partner;
	const char *notify_id;
} ps_notify_url_ctx;

static paysign_status ps_notify_url_fn(const void *c, char *buf, size_t cap, size_t *out_len)
{
	const ps_notify_url_ctx *ctx = c;
	return paysign_alipay_notify_verify_url(ctx->partner, ctx->notify_id, buf, cap, out_len);
}

ZEND_FUNCTION(PaySign_alipay_notify_verify_url)
{
	zend_string *partner, *notify_id;
	ps_notify_url_ctx ctx;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(partner)
		Z_PARAM_STR(notify_id)
	ZEND_PARSE_PARAMETERS_END();

	if (ps_check_nul(partner, "partner") == FAILURE || ps_check_nul(notify_id, "notifyId") == FAILURE) {
		RETURN_THROWS();
	}
	ctx.partner = ZSTR_VAL(partner);
	ctx.notify_id = ZSTR_VAL(notify_id);
	ps_return_text(ps_notify_url_fn, &ctx, return_value);
}

/* ------------------------------------------------------------------------ */
/* Alipay certificate SNs and synchronous responses                          */

typedef struct {
	const uint8_t *data;
	size_t len;
	int root;
} ps_cert_sn_ctx;

static paysign_status ps_cert_sn_fn(const void *c, char *buf, size_t cap, size_t *out_len)
{
	const ps_cert_sn_ctx *ctx = c;
	return ctx->root ? paysign_alipay_root_cert_sn(ctx->data, ctx->len, buf, cap, out_len)
		: paysign_alipay_cert_sn(ctx->data, ctx->len, buf, cap, out_len);
}

static void ps_cert_sn(INTERNAL_FUNCTION_PARAMETERS, int root)
{
	zend_string *data;
	ps_cert_sn_ctx ctx;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(data) /* bytes: PEM, DER or base64 */
	ZEND_PARSE_PARAMETERS_END();

	ctx.data = (const uint8_t *) ZSTR_VAL(data);
	ctx.len = ZSTR_LEN(data);
	ctx.root = root;
	ps_return_text(ps_cert_sn_fn, &ctx, return_value);
}

ZEND_FUNCTION(PaySign_alipay_cert_sn)
{
	ps_cert_sn(INTERNAL_FUNCTION_PARAM_PASSTHRU, 0);
}

ZEND_FUNCTION(PaySign_alipay_root_cert_sn)
{
	ps_cert_sn(INTERNAL_FUNCTION_PARAM_PASSTHRU, 1);
}

/* A verification's status as PHP sees it: true, false for BAD_SIGNATURE, else it throws. */
static void ps_return_verdict(paysign_status st, zval *return_value)
{
	if (st == PAYSIGN_OK) {
		RETURN_TRUE;
	}
	if (st == PAYSIGN_BAD_SIGNATURE) {
		RETURN_FALSE;
	}
	ps_throw_status(st);
}

/* Alipay AES content encryption (encrypt_type=AES) and the synchronous responses */

typedef struct {
	const paysign_key *key;
	const zend_string *data; /* the plaintext, or the response body */
	const char *method, *options;
} ps_alipay_ctx;

static paysign_status ps_alipay_encrypt_fn(const void *c, char *buf, size_t cap, size_t *out_len)
{
	const ps_alipay_ctx *ctx = c;
	return paysign_alipay_encrypt(ctx->key, (const uint8_t *) ZSTR_VAL(ctx->data), ZSTR_LEN(ctx->data),
		buf, cap, out_len);
}

static paysign_status ps_alipay_decrypt_fn(const void *c, char *buf, size_t cap, size_t *out_len)
{
	const ps_alipay_ctx *ctx = c;
	return paysign_alipay_decrypt_response((const uint8_t *) ZSTR_VAL(ctx->data), ZSTR_LEN(ctx->data),
		ctx->method, ctx->key, ctx->options, buf, cap, out_len);
}

/* alipay_verify_response (a verdict) and alipay_decrypt_response (the plaintext): the same
 * arguments, (body, method, Key, options = null). */
static void ps_alipay_response(INTERNAL_FUNCTION_PARAMETERS, int decrypt)
{
	zend_string *body, *method, *options = NULL;
	zval *zkey = NULL, *zoptions = NULL;
	ps_alipay_ctx ctx = {0};

	ZEND_PARSE_PARAMETERS_START(3, 4)
		Z_PARAM_STR(body) /* bytes, exactly as received */
		Z_PARAM_STR(method)
		Z_PARAM_OBJECT_OF_CLASS(zkey, paysign_key_ce)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(zoptions)
	ZEND_PARSE_PARAMETERS_END();

	if (ps_check_nul(method, "method") == FAILURE
			|| ps_key_arg(zkey, &ctx.key) == FAILURE
			|| ps_options(zoptions, 4, &options) == FAILURE) {
		RETURN_THROWS();
	}
	ctx.data = body;
	ctx.method = ZSTR_VAL(method);
	ctx.options = PS_CSTR_OR_NULL(options);
	if (decrypt) {
		ps_return_text(ps_alipay_decrypt_fn, &ctx, return_value);
	} else {
		ps_return_verdict(paysign_alipay_verify_response((const uint8_t *) ZSTR_VAL(body), ZSTR_LEN(body),
			ctx.method, ctx.key, ctx.options), return_value);
	}
	if (options) {
		zend_string_release(options);
	}
}

ZEND_FUNCTION(PaySign_alipay_verify_response)
{
	ps_alipay_response(INTERNAL_FUNCTION_PARAM_PASSTHRU, 0);
}

ZEND_FUNCTION(PaySign_alipay_decrypt_response)
{
	ps_alipay_response(INTERNAL_FUNCTION_PARAM_PASSTHRU, 1);
}

ZEND_FUNCTION(PaySign_alipay_encrypt)
{
	zend_string *plain;
	zval *zkey = NULL;
	ps_alipay_ctx ctx = {0};

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJECT_OF_CLASS(zkey, paysign_key_ce)
		Z_PARAM_STR(plain) /* bytes */
	ZEND_PARSE_PARAMETERS_END();

	if (ps_key_arg(zkey, &ctx.key) == FAILURE) {
		RETURN_THROWS();
	}
	ctx.data = plain;
	ps_return_text(ps_alipay_encrypt_fn, &ctx, return_value);
}

/* ------------------------------------------------------------------------ */
/* WeChat Pay API v3                                                         */

typedef struct {
	const char *method, *url, *timestamp, *nonce, *mchid, *serial_no;
	const uint8_t *body;
	size_t len;
	const paysign_key *key;
} ps_wx3_auth_ctx;

static paysign_status ps_wx3_auth_fn(const void *c, char *buf, size_t cap, size_t *out_len)
{
	const ps_wx3_auth_ctx *ctx = c;
	return paysign_wechat_v3_authorization(ctx->method, ctx->url, ctx->timestamp, ctx->nonce, ctx->body,
		ctx->len, ctx->mchid, ctx->serial_no, ctx->key, buf, cap, out_len);
}

ZEND_FUNCTION(PaySign_wechat_v3_authorization)
{
	zend_string *method, *url, *body, *mchid, *serial_no = NULL, *timestamp = NULL, *nonce = NULL;
	zval *zkey = NULL;
	ps_wx3_auth_ctx ctx;

	ZEND_PARSE_PARAMETERS_START(5, 8)
		Z_PARAM_STR(method)
		Z_PARAM_STR(url)
		Z_PARAM_STR(body) /* bytes, exactly as sent */
		Z_PARAM_STR(mchid)
		Z_PARAM_OBJECT_OF_CLASS(zkey, paysign_key_ce)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_EX(serial_no, 1, 0)
		Z_PARAM_STR_EX(timestamp, 1, 0)
		Z_PARAM_STR_EX(nonce, 1, 0)
	ZEND_PARSE_PARAMETERS_END();

	if (ps_check_nul(method, "method") == FAILURE || ps_check_nul(url, "url") == FAILURE
			|| ps_check_nul(mchid, "mchid") == FAILURE || ps_check_nul(serial_no, "serialNo") == FAILURE
			|| ps_check_nul(timestamp, "timestamp") == FAILURE || ps_check_nul(nonce, "nonce") == FAILURE
			|| ps_key_arg(zkey, &ctx.key) == FAILURE) {
		RETURN_THROWS();
	}
	ctx.method = ZSTR_VAL(method);
	ctx.url = ZSTR_VAL(url);
	ctx.body = (const uint8_t *) ZSTR_VAL(body);
	ctx.len = ZSTR_LEN(body);
	ctx.mchid = ZSTR_VAL(mchid);
	ctx.serial_no = PS_CSTR_OR_NULL(serial_no);
	ctx.timestamp = PS_CSTR_OR_NULL(timestamp);
	ctx.nonce = PS_CSTR_OR_NULL(nonce);
	ps_return_text(ps_wx3_auth_fn, &ctx, return_value);
}

ZEND_FUNCTION(PaySign_wechat_v3_verify)
{
	zend_string *timestamp, *nonce, *signature, *serial, *body, *options = NULL;
	zval *zkey = NULL, *zoptions = NULL;
	const paysign_key *key;
	paysign_status st;

	ZEND_PARSE_PARAMETERS_START(6, 7)
		Z_PARAM_STR(timestamp)
		Z_PARAM_STR(nonce)
		Z_PARAM_STR(signature)
		Z_PARAM_STR(serial)
		Z_PARAM_STR(body) /* bytes, exactly as received */
		Z_PARAM_OBJECT_OF_CLASS(zkey, paysign_key_ce)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(zoptions)
	ZEND_PARSE_PARAMETERS_END();

	if (ps_check_nul(timestamp, "timestamp") == FAILURE || ps_check_nul(nonce, "nonce") == FAILURE
			|| ps_check_nul(signature, "signature") == FAILURE || ps_check_nul(serial, "serial") == FAILURE
			|| ps_key_arg(zkey, &key) == FAILURE
			|| ps_options(zoptions, 7, &options) == FAILURE) {
		RETURN_THROWS();
	}
	st = paysign_wechat_v3_verify(ZSTR_VAL(timestamp), ZSTR_VAL(nonce), ZSTR_VAL(signature), ZSTR_VAL(serial),
		(const uint8_t *) ZSTR_VAL(body), ZSTR_LEN(body), key, PS_CSTR_OR_NULL(options));
	if (options) {
		zend_string_release(options);
	}
	ps_return_verdict(st, return_value);
}

typedef struct {
	const zend_string *body, *apiv3_key;
} ps_wx3_body_key_ctx;

static paysign_status ps_wx3_decrypt_fn(const void *c, char *buf, size_t cap, size_t *out_len)
{
	const ps_wx3_body_key_ctx *ctx = c;
	return paysign_wechat_v3_decrypt((const uint8_t *) ZSTR_VAL(ctx->body), ZSTR_LEN(ctx->body),
		(const uint8_t *) ZSTR_VAL(ctx->apiv3_key), ZSTR_LEN(ctx->apiv3_key), buf, cap, out_len);
}

static paysign_status ps_wx3_certificates_fn(const void *c, char *buf, size_t cap, size_t *out_len)
{
	const ps_wx3_body_key_ctx *ctx = c;
	return paysign_wechat_v3_certificates((const uint8_t *) ZSTR_VAL(ctx->body), ZSTR_LEN(ctx->body),
		(const uint8_t *) ZSTR_VAL(ctx->apiv3_key), ZSTR_LEN(ctx->apiv3_key), buf, cap, out_len);
}

/* The two calls of (body as received, APIv3 key) that return text. */
static void ps_wx3_body_key(INTERNAL_FUNCTION_PARAMETERS, ps_out_fn fn)
{
	zend_string *body, *apiv3_key;
	ps_wx3_body_key_ctx ctx;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(body) /* bytes, exactly as received */
		Z_PARAM_STR(apiv3_key) /* bytes */
	ZEND_PARSE_PARAMETERS_END();

	ctx.body = body;
	ctx.apiv3_key = apiv3_key;
	ps_return_text(fn, &ctx, return_value);
}

ZEND_FUNCTION(PaySign_wechat_v3_decrypt)
{
	ps_wx3_body_key(INTERNAL_FUNCTION_PARAM_PASSTHRU, ps_wx3_decrypt_fn);
}

ZEND_FUNCTION(PaySign_wechat_v3_certificates)
{
	ps_wx3_body_key(INTERNAL_FUNCTION_PARAM_PASSTHRU, ps_wx3_certificates_fn);
}

typedef struct {
	const char *kind, *app_id, *timestamp, *nonce, *prepay;
	const paysign_key *key;
} ps_wx3_client_ctx;

static paysign_status ps_wx3_client_fn(const void *c, char *buf, size_t cap, size_t *out_len)
{
	const ps_wx3_client_ctx *ctx = c;
	return paysign_wechat_v3_client_sign(ctx->kind, ctx->app_id, ctx->timestamp, ctx->nonce, ctx->prepay,
		ctx->key, buf, cap, out_len);
}

ZEND_FUNCTION(PaySign_wechat_v3_client_sign)
{
	zend_string *kind, *app_id, *timestamp, *nonce, *prepay;
	zval *zkey = NULL;
	ps_wx3_client_ctx ctx;

	ZEND_PARSE_PARAMETERS_START(6, 6)
		Z_PARAM_STR(kind)
		Z_PARAM_STR(app_id)
		Z_PARAM_STR(timestamp)
		Z_PARAM_STR(nonce)
		Z_PARAM_STR(prepay)
		Z_PARAM_OBJECT_OF_CLASS(zkey, paysign_key_ce)
	ZEND_PARSE_PARAMETERS_END();

	if (ps_check_nul(kind, "kind") == FAILURE || ps_check_nul(app_id, "appId") == FAILURE
			|| ps_check_nul(timestamp, "timestamp") == FAILURE || ps_check_nul(nonce, "nonce") == FAILURE
			|| ps_check_nul(prepay, "prepay") == FAILURE || ps_key_arg(zkey, &ctx.key) == FAILURE) {
		RETURN_THROWS();
	}
	ctx.kind = ZSTR_VAL(kind);
	ctx.app_id = ZSTR_VAL(app_id);
	ctx.timestamp = ZSTR_VAL(timestamp);
	ctx.nonce = ZSTR_VAL(nonce);
	ctx.prepay = ZSTR_VAL(prepay);
	ps_return_text(ps_wx3_client_fn, &ctx, return_value);
}

/* ------------------------------------------------------------------------ */
/* WeChat Pay v2 refund notifications                                        */

ZEND_FUNCTION(PaySign_wechat_refund_decrypt)
{
	zend_string *body;
	zval *zkey = NULL;
	const paysign_key *key;
	paysign_params *fields = NULL;
	paysign_status st;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(body) /* bytes, exactly as received */
		Z_PARAM_OBJECT_OF_CLASS(zkey, paysign_key_ce)
	ZEND_PARSE_PARAMETERS_END();

	if (ps_key_arg(zkey, &key) == FAILURE) {
		RETURN_THROWS();
	}
	st = paysign_wechat_refund_decrypt(key, (const uint8_t *) ZSTR_VAL(body), ZSTR_LEN(body), &fields);
	if (st != PAYSIGN_OK) {
		ps_throw_status(st);
		RETURN_THROWS();
	}
	if (ps_params_to_array(fields, return_value) == FAILURE) {
		paysign_params_free(fields);
		RETURN_THROWS();
	}
	paysign_params_free(fields);
}

/* ------------------------------------------------------------------------ */
/* PayPal IPN: the postback, PayPal's answer, the merchant's checks          */

typedef struct {
	const zend_string *body;
	const char *name;
} ps_paypal_ctx;

static paysign_status ps_paypal_postback_fn(const void *c, char *buf, size_t cap, size_t *out_len)
{
	const ps_paypal_ctx *ctx = c;
	return paysign_paypal_postback((const uint8_t *) ZSTR_VAL(ctx->body), ZSTR_LEN(ctx->body), buf, cap, out_len);
}

static paysign_status ps_paypal_field_fn(const void *c, char *buf, size_t cap, size_t *out_len)
{
	const ps_paypal_ctx *ctx = c;
	return paysign_paypal_field((const uint8_t *) ZSTR_VAL(ctx->body), ZSTR_LEN(ctx->body), ctx->name,
		buf, cap, out_len);
}

ZEND_FUNCTION(PaySign_paypal_postback)
{
	zend_string *body;
	ps_paypal_ctx ctx;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(body) /* bytes, exactly as received */
	ZEND_PARSE_PARAMETERS_END();

	ctx.body = body;
	ctx.name = NULL;
	ps_return_text(ps_paypal_postback_fn, &ctx, return_value);
}

ZEND_FUNCTION(PaySign_paypal_verdict)
{
	zend_string *answer;
	paysign_status st;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(answer) /* bytes, PayPal's answer body */
	ZEND_PARSE_PARAMETERS_END();

	st = paysign_paypal_verdict((const uint8_t *) ZSTR_VAL(answer), ZSTR_LEN(answer));
	if (st != PAYSIGN_OK) {
		ps_throw_status(st);
	}
}

ZEND_FUNCTION(PaySign_paypal_check)
{
	zend_string *body, *options = NULL;
	zval *zoptions = NULL;
	paysign_status st;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(body) /* bytes, exactly as received */
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(zoptions)
	ZEND_PARSE_PARAMETERS_END();

	if (ps_options(zoptions, 2, &options) == FAILURE) {
		RETURN_THROWS();
	}
	st = paysign_paypal_check((const uint8_t *) ZSTR_VAL(body), ZSTR_LEN(body), PS_CSTR_OR_NULL(options));
	if (options) {
		zend_string_release(options);
	}
	if (st != PAYSIGN_OK) {
		ps_throw_status(st);
	}
}

ZEND_FUNCTION(PaySign_paypal_field)
{
	zend_string *body, *name;
	ps_paypal_ctx ctx;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(body) /* bytes, exactly as received */
		Z_PARAM_STR(name)
	ZEND_PARSE_PARAMETERS_END();

	if (ps_check_nul(name, "name") == FAILURE) {
		RETURN_THROWS();
	}
	ctx.body = body;
	ctx.name = ZSTR_VAL(name);
	ps_return_text(ps_paypal_field_fn, &ctx, return_value);
}

typedef struct {
	const zend_string *body, *sent, *host; /* sent, host: NULL when not known */
} ps_paypal_diagnose_ctx;

static paysign_status ps_paypal_diagnose_fn(const void *c, char *buf, size_t cap, size_t *out_len)
{
	const ps_paypal_diagnose_ctx *ctx = c;
	return paysign_paypal_diagnose((const uint8_t *) ZSTR_VAL(ctx->body), ZSTR_LEN(ctx->body),
		ctx->sent ? (const uint8_t *) ZSTR_VAL(ctx->sent) : NULL, ctx->sent ? ZSTR_LEN(ctx->sent) : 0,
		ctx->host ? ZSTR_VAL(ctx->host) : NULL, buf, cap, out_len);
}

ZEND_FUNCTION(PaySign_paypal_diagnose)
{
	zend_string *body, *sent = NULL, *host = NULL;
	ps_paypal_diagnose_ctx ctx;
	paysign_status st;
	char *report;
	size_t len = 0;

	ZEND_PARSE_PARAMETERS_START(1, 3)
		Z_PARAM_STR(body) /* bytes, exactly as received */
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_EX(sent, 1, 0) /* bytes, exactly as posted */
		Z_PARAM_STR_EX(host, 1, 0)
	ZEND_PARSE_PARAMETERS_END();

	if (ps_check_nul(host, "host") == FAILURE) {
		RETURN_THROWS();
	}
	ctx.body = body;
	ctx.sent = sent;
	ctx.host = host;
	report = ps_call_out_heap(ps_paypal_diagnose_fn, &ctx, PS_REPORT_BUF, &len, &st);
	if (report == NULL) {
		ps_throw_status(st);
		RETURN_THROWS();
	}
	ps_return_report(report, len, "paysign_paypal_diagnose", return_value);
}

/* ------------------------------------------------------------------------ */
/* UnionPay ACP: certId and notification verification                        */

static paysign_status ps_unionpay_cert_id_fn(const void *c, char *buf, size_t cap, size_t *out_len)
{
	return paysign_unionpay_cert_id((const paysign_key *) c, buf, cap, out_len);
}

ZEND_FUNCTION(PaySign_unionpay_cert_id)
{
	zval *zkey = NULL;
	const paysign_key *key;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJECT_OF_CLASS(zkey, paysign_key_ce)
	ZEND_PARSE_PARAMETERS_END();

	if (ps_key_arg(zkey, &key) == FAILURE) {
		RETURN_THROWS();
	}
	ps_return_text(ps_unionpay_cert_id_fn, key, return_value);
}

ZEND_FUNCTION(PaySign_unionpay_verify)
{
	zend_string *profile, *body, *root = NULL, *middle = NULL, *options = NULL;
	zval *zkey = NULL, *zoptions = NULL;
	const paysign_key *key;
	paysign_status st;

	ZEND_PARSE_PARAMETERS_START(4, 6)
		Z_PARAM_STR(profile)
		Z_PARAM_STR(body) /* bytes, exactly as received */
		Z_PARAM_STR_EX(root, 1, 0) /* bytes: PEM or DER */
		Z_PARAM_STR_EX(middle, 1, 0)
		Z_PARAM_OPTIONAL
		Z_PARAM_OBJECT_OF_CLASS_EX(zkey, paysign_key_ce, 1, 0)
		Z_PARAM_ZVAL(zoptions)
	ZEND_PARSE_PARAMETERS_END();

	if (ps_check_nul(profile, "profile") == FAILURE
			|| ps_key_arg(zkey, &key) == FAILURE
			|| ps_options(zoptions, 6, &options) == FAILURE) {
		RETURN_THROWS();
	}
	st = paysign_unionpay_verify_body(ZSTR_VAL(profile), (const uint8_t *) ZSTR_VAL(body), ZSTR_LEN(body),
		root ? (const uint8_t *) ZSTR_VAL(root) : NULL, root ? ZSTR_LEN(root) : 0,
		middle ? (const uint8_t *) ZSTR_VAL(middle) : NULL, middle ? ZSTR_LEN(middle) : 0,
		key, PS_CSTR_OR_NULL(options));
	if (options) {
		zend_string_release(options);
	}
	ps_return_verdict(st, return_value);
}

/* ------------------------------------------------------------------------ */
/* UnionPay ACP: sensitive fields under the encryption certificate           */

typedef struct {
	const zend_string *cert;
	const zend_string *plain;
	const paysign_params *fields;
	const char *version, *pin, *acc_no;
} ps_unionpay_enc_ctx;

#define PS_ZSTR_BYTES(z) ((z) ? (const uint8_t *) ZSTR_VAL(z) : NULL), ((z) ? ZSTR_LEN(z) : 0)

static paysign_status ps_unionpay_encrypt_cert_id_fn(const void *c, char *buf, size_t cap, size_t *out_len)
{
	const ps_unionpay_enc_ctx *ctx = c;
	return paysign_unionpay_encrypt_cert_id(PS_ZSTR_BYTES(ctx->cert), buf, cap, out_len);
}

static paysign_status ps_unionpay_encrypt_fn(const void *c, char *buf, size_t cap, size_t *out_len)
{
	const ps_unionpay_enc_ctx *ctx = c;
	return paysign_unionpay_encrypt(PS_ZSTR_BYTES(ctx->cert), PS_ZSTR_BYTES(ctx->plain), buf, cap, out_len);
}

static paysign_status ps_unionpay_encrypt_pin_fn(const void *c, char *buf, size_t cap, size_t *out_len)
{
	const ps_unionpay_enc_ctx *ctx = c;
	return paysign_unionpay_encrypt_pin(PS_ZSTR_BYTES(ctx->cert), ctx->pin, ctx->acc_no, buf, cap, out_len);
}

static paysign_status ps_unionpay_customer_info_fn(const void *c, char *buf, size_t cap, size_t *out_len)
{
	const ps_unionpay_enc_ctx *ctx = c;
	return paysign_unionpay_customer_info(ctx->fields, ctx->version, PS_ZSTR_BYTES(ctx->cert), ctx->acc_no,
		buf, cap, out_len);
}

ZEND_FUNCTION(PaySign_unionpay_encrypt_cert_id)
{
	zend_string *cert;
	ps_unionpay_enc_ctx ctx = {0};

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(cert) /* bytes: PEM or DER */
	ZEND_PARSE_PARAMETERS_END();

	ctx.cert = cert;
	ps_return_text(ps_unionpay_encrypt_cert_id_fn, &ctx, return_value);
}

ZEND_FUNCTION(PaySign_unionpay_encrypt)
{
	zend_string *cert, *plain;
	ps_unionpay_enc_ctx ctx = {0};

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(cert)
		Z_PARAM_STR(plain) /* bytes */
	ZEND_PARSE_PARAMETERS_END();

	ctx.cert = cert;
	ctx.plain = plain;
	ps_return_text(ps_unionpay_encrypt_fn, &ctx, return_value);
}

ZEND_FUNCTION(PaySign_unionpay_encrypt_pin)
{
	zend_string *cert, *pin, *acc_no;
	ps_unionpay_enc_ctx ctx = {0};

	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_STR(cert)
		Z_PARAM_STR(pin)
		Z_PARAM_STR(acc_no)
	ZEND_PARSE_PARAMETERS_END();

	if (ps_check_nul(pin, "pin") == FAILURE || ps_check_nul(acc_no, "accNo") == FAILURE) {
		RETURN_THROWS();
	}
	ctx.cert = cert;
	ctx.pin = ZSTR_VAL(pin);
	ctx.acc_no = ZSTR_VAL(acc_no);
	ps_return_text(ps_unionpay_encrypt_pin_fn, &ctx, return_value);
}

ZEND_FUNCTION(PaySign_unionpay_customer_info)
{
	zend_string *version, *cert = NULL, *acc_no = NULL;
	HashTable *ht;
	ps_unionpay_enc_ctx ctx = {0};
	paysign_params *fields;

	ZEND_PARSE_PARAMETERS_START(2, 4)
		Z_PARAM_ARRAY_HT(ht)
		Z_PARAM_STR(version)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_EX(cert, 1, 0)
		Z_PARAM_STR_EX(acc_no, 1, 0)
	ZEND_PARSE_PARAMETERS_END();

	if (ps_check_nul(version, "version") == FAILURE || ps_check_nul(acc_no, "accNo") == FAILURE) {
		RETURN_THROWS();
	}
	fields = ps_params_from_array(ht, 1);
	if (fields == NULL) {
		RETURN_THROWS();
	}
	ctx.fields = fields;
	ctx.version = ZSTR_VAL(version);
	ctx.cert = cert;
	ctx.acc_no = PS_CSTR_OR_NULL(acc_no);
	ps_return_text(ps_unionpay_customer_info_fn, &ctx, return_value);
	paysign_params_free(fields);
}

/* ------------------------------------------------------------------------ */
/* module                                                                    */

static PHP_MINIT_FUNCTION(paysign)
{
#if defined(ZTS) && defined(COMPILE_DL_PAYSIGN)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	paysign_key_ce = register_class_PaySign_Key();
	paysign_key_ce->create_object = ps_key_create;
#if PHP_VERSION_ID < 80100
	paysign_key_ce->serialize = zend_class_serialize_deny;
	paysign_key_ce->unserialize = zend_class_unserialize_deny;
#endif

	memcpy(&paysign_key_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	paysign_key_handlers.offset = XtOffsetOf(ps_key_object, std);
	paysign_key_handlers.free_obj = ps_key_free;
	paysign_key_handlers.clone_obj = NULL;

	paysign_exception_ce = register_class_PaySign_Exception(zend_ce_exception);
	REGISTER_INI_ENTRIES();
	return SUCCESS;
}

static PHP_MSHUTDOWN_FUNCTION(paysign)
{
	UNREGISTER_INI_ENTRIES();
	return SUCCESS;
}

static PHP_GINIT_FUNCTION(paysign)
{
#if defined(ZTS) && defined(COMPILE_DL_PAYSIGN)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	memset(paysign_globals, 0, sizeof(*paysign_globals));
}

/* After MSHUTDOWN (NTS), or when a thread ends (ZTS): the cache's keys go.
 * The objects that shared them went with their requests. */
static PHP_GSHUTDOWN_FUNCTION(paysign)
{
	while (paysign_globals->count > 0) {
		ps_cache_entry *e = &paysign_globals->entries[--paysign_globals->count];
		pefree(e->path, 1);
		ps_shared_key_unref(e->key);
	}
	if (paysign_globals->entries != NULL) {
		pefree(paysign_globals->entries, 1);
		paysign_globals->entries = NULL;
	}
}

static PHP_RINIT_FUNCTION(paysign)
{
#if defined(ZTS) && defined(COMPILE_DL_PAYSIGN)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	return SUCCESS;
}

static PHP_MINFO_FUNCTION(paysign)
{
	const char *v = paysign_version();

	php_info_print_table_start();
	php_info_print_table_header(2, "paysign support", "enabled");
	php_info_print_table_row(2, "Extension version", PHP_PAYSIGN_VERSION);
	php_info_print_table_row(2, "paysign core version", v ? v : "");
	php_info_print_table_end();
	DISPLAY_INI_ENTRIES();
}

/* diagnose() decodes its report with ext/json (always present in PHP 8). */
static const zend_module_dep paysign_deps[] = {
	ZEND_MOD_REQUIRED("json")
	ZEND_MOD_END
};

zend_module_entry paysign_module_entry = {
	STANDARD_MODULE_HEADER_EX,
	NULL,
	paysign_deps,
	"paysign",
	ext_functions,
	PHP_MINIT(paysign),
	PHP_MSHUTDOWN(paysign),
	PHP_RINIT(paysign),
	NULL,
	PHP_MINFO(paysign),
	PHP_PAYSIGN_VERSION,
	PHP_MODULE_GLOBALS(paysign),
	PHP_GINIT(paysign),
	PHP_GSHUTDOWN(paysign),
	NULL,
	STANDARD_MODULE_PROPERTIES_EX
};

#ifdef COMPILE_DL_PAYSIGN
# ifdef ZTS
ZEND_TSRMLS_CACHE_DEFINE()
# endif
ZEND_GET_MODULE(paysign)
#endif
