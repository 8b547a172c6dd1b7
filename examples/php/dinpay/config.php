<?php
/*
 * Settings shared by pay.php, notify.php, return.php and query.php, from the environment. The defaults
 * are Dinpay's test-suite merchant 1111130200 and its MD5 key (NewDinPayTest.php; see
 * ../shared/specs/dinpay.md); not a production key.
 */

return [
    // gateway: https://pay.dinpay.com/gateway?input_charset=UTF-8, or paysign simulate's /gateway
    'gateway' => getenv('DINPAY_GATEWAY') ?: 'https://pay.dinpay.com/gateway?input_charset=UTF-8',
    // single_trade_query: https://query.dinpay.com/query, or paysign simulate's /query
    'queryUrl' => getenv('DINPAY_QUERY_URL') ?: 'https://query.dinpay.com/query',
    'merchantCode' => getenv('DINPAY_MERCHANT_CODE') ?: '1111130200',
    'key' => getenv('DINPAY_KEY') ?: 'hfgd_83yt_90hb_gf98n',
    'notifyUrl' => getenv('DINPAY_NOTIFY_URL') ?: 'http://merchant.example/dinpay/notify.php',
    'returnUrl' => getenv('DINPAY_RETURN_URL') ?: 'http://merchant.example/dinpay/return.php',
    // the order book (../orders.php): a folder, or '' for none
    'orderDir' => getenv('DINPAY_ORDER_DIR') ?: '',
];
