<?php
/*
 * Settings shared by pay.php, back.php, front.php and query.php, from the environment. The
 * defaults are public test material: UnionPay's test merchant 777290058167151 and its 2021 test
 * signing PFX (password 000000, certId 69903319369; testdata/unionpay/SOURCES.md); not a
 * production key. UnionPay's root and middle certificates (5.1.0) and verify certificate (5.0.0)
 * have no default: with paysign simulate they are its own (`paysign simulate --cert
 * unionpay-root`, `unionpay-middle`, `unionpay-sign`).
 */

$repo = dirname(__DIR__, 3); // the paysign source tree, for the bundled test PFX

return [
    // front transaction: https://gateway.test.95516.com/gateway/api/frontTransReq.do (test), or paysign simulate's
    'gateway' => getenv('UNIONPAY_GATEWAY') ?: 'https://gateway.test.95516.com/gateway/api/frontTransReq.do',
    // single query: the same host's /gateway/api/queryTrans.do, or paysign simulate's
    'queryUrl' => getenv('UNIONPAY_QUERY_URL') ?: 'https://gateway.test.95516.com/gateway/api/queryTrans.do',
    'merId' => getenv('UNIONPAY_MER_ID') ?: '777290058167151',
    // the merchant's signing PFX (acp_test_sign.pfx) and its password; certId is read from it
    'signPfx' => getenv('UNIONPAY_SIGN_PFX') ?: $repo . '/testdata/vectors/keys/unionpay_acp_test_sign_2021.pfx',
    'signPassword' => getenv('UNIONPAY_SIGN_PASSWORD') ?: '000000',
    // 5.1.0: acp_root.cer and acp_middle.cer, which signPubKeyCert must chain to
    'rootCert' => getenv('UNIONPAY_ROOT_CERT') ?: '',
    'middleCert' => getenv('UNIONPAY_MIDDLE_CERT') ?: '',
    // 5.0.0: acp_verify_sign.cer, the certificate the message's certId names
    'verifyCert' => getenv('UNIONPAY_VERIFY_CERT') ?: '',
    // the version pay.php sends unless pay.php?version=5.0.0
    'version' => getenv('UNIONPAY_VERSION') ?: '5.1.0',
    'backUrl' => getenv('UNIONPAY_BACK_URL') ?: 'http://merchant.example/unionpay/back.php',
    'frontUrl' => getenv('UNIONPAY_FRONT_URL') ?: 'http://merchant.example/unionpay/front.php',
    // the order book (../orders.php): a folder, or '' for none
    'orderDir' => getenv('UNIONPAY_ORDER_DIR') ?: '',
];
