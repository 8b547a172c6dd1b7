/* paysign PHP extension: sign and verify Chinese payment gateway messages.
 * A thin wrapper over the paysign C ABI (include/paysign.h). */
#ifndef PHP_PAYSIGN_H
#define PHP_PAYSIGN_H

extern zend_module_entry paysign_module_entry;
#define phpext_paysign_ptr &paysign_module_entry

#include "paysign.h"
/* Cargo.toml's version, through the generated header: phpversion('paysign'). */
#define PHP_PAYSIGN_VERSION PAYSIGN_VERSION

#if defined(ZTS) && defined(COMPILE_DL_PAYSIGN)
ZEND_TSRMLS_CACHE_EXTERN()
#endif

#endif /* PHP_PAYSIGN_H */
