<?php
/*
 * Settings shared by pay.php, notify.php and return.php, from the environment. The defaults
 * are public test material: yansongda/pay's test app key (testdata/vectors/keys) and Alipay's
 * sandbox public key; not production keys.
 */

$repo = dirname(__DIR__, 3); // the paysign source tree, for the bundled test keys

return [
    // OpenAPI gateway: production https://openapi.alipay.com/gateway.do, or paysign simulate's
    'gateway' => getenv('ALIPAY_GATEWAY') ?: 'https://openapi.alipay.com/gateway.do',
    'appId' => getenv('ALIPAY_APP_ID') ?: '9021000122682882',
    // the app's private key (应用私钥), PEM
    'appPrivateKey' => getenv('ALIPAY_APP_PRIVATE_KEY') ?: $repo . '/testdata/vectors/keys/alipay_yansongda_app_private_pkcs1.pem',
    // Alipay's public key (支付宝公钥) or its public-key certificate, to verify what Alipay sends;
    // never the app's own public key
    'alipayPublicKey' => getenv('ALIPAY_PUBLIC_KEY') ?: $repo . '/testdata/vectors/keys/alipay_sandbox_public_key.pem',
    'notifyUrl' => getenv('ALIPAY_NOTIFY_URL') ?: 'https://merchant.example/alipay/notify.php',
    'returnUrl' => getenv('ALIPAY_RETURN_URL') ?: 'https://merchant.example/alipay/return.php',
    // the order book (../orders.php): a folder, or '' for none
    'orderDir' => getenv('ALIPAY_ORDER_DIR') ?: '',
];
