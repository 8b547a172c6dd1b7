<?php
/*
 * Settings shared by pay.php, notify.php, return.php and query.php, from the environment. The defaults
 * are the merchant and MD5 key of the PHP aggregator's AllinpayTest.php (see
 * ../shared/specs/allinpay.md §A5); not a production key.
 */

return [
    // gateway: https://ceshi.allinpay.com/gateway/index.do (test), or paysign simulate's
    'gateway' => getenv('ALLINPAY_GATEWAY') ?: 'https://ceshi.allinpay.com/gateway/index.do',
    // order query v1.5: the same host's /gateway/query.do, or paysign simulate's
    'queryUrl' => getenv('ALLINPAY_QUERY_URL') ?: 'https://ceshi.allinpay.com/gateway/query.do',
    'merchantId' => getenv('ALLINPAY_MERCHANT_ID') ?: '109065311204094',
    'key' => getenv('ALLINPAY_KEY') ?: '1234567890',
    // Allinpay's certificate, for signType=1 notifications (SHA1withRSA); with paysign
    // simulate, its own: `paysign simulate --cert allinpay`. Empty: signType=1 is not accepted.
    'allinpayCert' => getenv('ALLINPAY_CERT') ?: '',
    'receiveUrl' => getenv('ALLINPAY_RECEIVE_URL') ?: 'http://merchant.example/allinpay/notify.php',
    'pickupUrl' => getenv('ALLINPAY_PICKUP_URL') ?: 'http://merchant.example/allinpay/return.php',
    // the order book (../orders.php): a folder, or '' for none
    'orderDir' => getenv('ALLINPAY_ORDER_DIR') ?: '',
];
