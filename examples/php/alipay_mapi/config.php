<?php
/*
 * Settings shared by pay.php, notify.php and return.php, from the environment. The defaults
 * are public test material: omnipay SignerTest's MD5 key `hello` and its 1024-bit RSA test key
 * (testdata/vectors/keys), with a placeholder partner id; not production keys.
 */

$repo = dirname(__DIR__, 3); // the paysign source tree, for the bundled test keys

return [
    // legacy gateway: https://mapi.alipay.com/gateway.do, or paysign simulate's /gateway.do
    'gateway' => getenv('ALIPAY_MAPI_GATEWAY') ?: 'https://mapi.alipay.com/gateway.do',
    'partner' => getenv('ALIPAY_MAPI_PARTNER') ?: '2088000000000002',
    // the sign_types we sign with and accept: MD5 (the partner key), RSA (the partner's private
    // key; Alipay's public key verifies); pay.php?sign_type=RSA picks one, MD5 by default
    'signTypes' => ['MD5', 'RSA'],
    'md5Key' => getenv('ALIPAY_MAPI_MD5_KEY') ?: 'hello',
    'privateKey' => getenv('ALIPAY_MAPI_PRIVATE_KEY') ?: $repo . '/testdata/vectors/keys/alipay_omnipay_test_rsa1024_private.pem',
    'alipayPublicKey' => getenv('ALIPAY_MAPI_PUBLIC_KEY') ?: $repo . '/testdata/vectors/keys/alipay_sandbox_public_key.pem',
    'notifyUrl' => getenv('ALIPAY_MAPI_NOTIFY_URL') ?: 'https://merchant.example/alipay_mapi/notify.php',
    'returnUrl' => getenv('ALIPAY_MAPI_RETURN_URL') ?: 'https://merchant.example/alipay_mapi/return.php',
    // the order book (../orders.php): a folder, or '' for none
    'orderDir' => getenv('ALIPAY_MAPI_ORDER_DIR') ?: '',
];
