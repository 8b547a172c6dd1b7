/* paysign PHP extension: sign and verify Chinese payment gateway messages.
 * A thin wrapper over the paysign C ABI (include/paysign.h). */
#ifndef PHP_PAYSIGN_H
#define PHP_PAYSIGN_H

extern zend_module_entry paysign_module_entry;
#define phpext_paysign_ptr &paysign_module_entry

#include "paysign.h"
/* Cargo.toml's version, through the generated header: phpversion('paysign'). */
#define PHP_PAYSIGN_VERSION PAYSIGN_VERSION

/* The worker-lifetime key cache (PaySign\Key::fromFile). One per thread under ZTS:
 * its entries and the native keys they share are only touched by that thread. */
typedef struct ps_shared_key ps_shared_key;
typedef struct ps_cache_entry ps_cache_entry;

ZEND_BEGIN_MODULE_GLOBALS(paysign)
	zend_bool key_cache;       /* ini paysign.key_cache */
	zend_long key_cache_size;  /* ini paysign.key_cache_size (entries) */
	ps_cache_entry *entries;   /* persistent, key_cache_size slots, allocated on first use */
	uint32_t capacity;         /* slots in entries */
	uint32_t count;            /* slots in use: entries[0..count) */
	uint64_t tick;             /* use counter for least-recently-used eviction */
	uint64_t hits, misses;
	zend_bool salted;
	unsigned char salt[32];    /* random per worker: the password hashes are keyed */
ZEND_END_MODULE_GLOBALS(paysign)

ZEND_EXTERN_MODULE_GLOBALS(paysign)
#define PAYSIGN_G(v) ZEND_MODULE_GLOBALS_ACCESSOR(paysign, v)

#if defined(ZTS) && defined(COMPILE_DL_PAYSIGN)
ZEND_TSRMLS_CACHE_EXTERN()
#endif

#endif /* PHP_PAYSIGN_H */
