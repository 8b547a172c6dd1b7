<?php
/*
 * Settings shared by pay.php, notify.php, return.php and query.php, from the environment. The defaults
 * are Dinpay's test-suite merchant 1111130200 and its MD5 key (NewDinPayTest.php; see
 * ../shared/specs/dinpay.md), and for RSA-S the self-made test key of paysign's Dinpay vectors
 * (testdata/vectors/keys); not production keys.
 */

$repo = dirname(__DIR__, 3); // the paysign source tree, for the bundled test key

return [
    // gateway: https://pay.dinpay.com/gateway?input_charset=UTF-8, or paysign simulate's /gateway
    'gateway' => getenv('DINPAY_GATEWAY') ?: 'https://pay.dinpay.com/gateway?input_charset=UTF-8',
    // single_trade_query: https://query.dinpay.com/query, or paysign simulate's /query
    'queryUrl' => getenv('DINPAY_QUERY_URL') ?: 'https://query.dinpay.com/query',
    'merchantCode' => getenv('DINPAY_MERCHANT_CODE') ?: '1111130200',
    'key' => getenv('DINPAY_KEY') ?: 'hfgd_83yt_90hb_gf98n',
    // the sign_types we sign with and accept: MD5 (the key above), RSA-S (MD5withRSA with our
    // private key, whose public key we upload to Dinpay); pay.php?sign_type=RSA-S picks it
    'signTypes' => ['MD5', 'RSA-S'],
    'privateKey' => getenv('DINPAY_PRIVATE_KEY') ?: $repo . '/testdata/vectors/keys/dinpay_rsa_s_test_private_pkcs8.pem',
    // Dinpay's public key, for RSA-S notifications and query answers; with paysign simulate,
    // its own: `paysign simulate --cert dinpay`. Empty: RSA-S answers are not accepted.
    'dinpayPublicKey' => getenv('DINPAY_PUBLIC_KEY') ?: '',
    'notifyUrl' => getenv('DINPAY_NOTIFY_URL') ?: 'http://merchant.example/dinpay/notify.php',
    'returnUrl' => getenv('DINPAY_RETURN_URL') ?: 'http://merchant.example/dinpay/return.php',
    // the order book (../orders.php): a folder, or '' for none
    'orderDir' => getenv('DINPAY_ORDER_DIR') ?: '',
];
