<?php
/*
 * Settings shared by pay.php, notify.php and return.php, from the environment. The defaults
 * are the partner and key of Tenpay's PHP demo kit samples (see docs/specs/tenpay.md §3 and
 * testdata/vectors/tenpay.json); not a production key.
 */

return [
    // pay.htm: https://gw.tenpay.com/gateway/pay.htm, or paysign simulate's /gateway/pay.htm
    'gateway' => getenv('TENPAY_GATEWAY') ?: 'https://gw.tenpay.com/gateway/pay.htm',
    // the folder of the back-end XML APIs (verifynotifyid.xml, normalorderquery.xml)
    'api' => getenv('TENPAY_API') ?: 'https://gw.tenpay.com/gateway',
    'partner' => getenv('TENPAY_PARTNER') ?: '1900000109',
    'key' => getenv('TENPAY_KEY') ?: '8934e7d15453e97507ef794cf7b0519d',
    'notifyUrl' => getenv('TENPAY_NOTIFY_URL') ?: 'http://merchant.example/tenpay/notify.php',
    'returnUrl' => getenv('TENPAY_RETURN_URL') ?: 'http://merchant.example/tenpay/return.php',
    // the order book (../orders.php): a folder, or '' for none
    'orderDir' => getenv('TENPAY_ORDER_DIR') ?: '',
];
