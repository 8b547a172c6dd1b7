<?php
/*
 * Settings shared by pay.php and callback.php, from the environment. The defaults are YeePay's
 * public demo merchant 10001126856 and its key, published in YeePay's official demo code (see
 * ../shared/specs/yeepay.md §3); not a production key.
 */

return [
    // gateway: https://www.yeepay.com/app-merchant-proxy/node, or paysign simulate's
    'gateway' => getenv('YEEPAY_GATEWAY') ?: 'https://www.yeepay.com/app-merchant-proxy/node',
    'merId' => getenv('YEEPAY_MER_ID') ?: '10001126856',
    'key' => getenv('YEEPAY_KEY') ?: '69cl522AV6q613Ii4W6u8K6XuW8vM1N6bFgyv769220IuYe9u37N4y7rI4Pl',
    // p8_Url: YeePay sends both the server callback and the browser here
    'callbackUrl' => getenv('YEEPAY_CALLBACK_URL') ?: 'http://merchant.example/yeepay/callback.php',
    // '1': also check the newer callbacks' hmac_safe (option hmac_safe=1; then it is required).
    // Unconfirmed in the spec (one public callback matches it): hmac alone is YeePay's check.
    'hmacSafe' => getenv('YEEPAY_HMAC_SAFE') === '1',
    // the order book (../orders.php): a folder, or '' for none
    'orderDir' => getenv('YEEPAY_ORDER_DIR') ?: '',
];
