<?php
/*
 * Settings shared by pay.php, server.php and return.php, from the environment. The defaults
 * are PayumTW/ips's published 7.0 test merchant (MerCode, Account and certificate from its
 * tests/ApiTest.php; see docs/specs/ips.md §4); not a production certificate.
 */

return [
    // gateway: https://newpay.ips.com.cn/psfp-entry/gateway/payment.do, or paysign simulate's
    'gateway' => getenv('IPS7_GATEWAY') ?: 'https://newpay.ips.com.cn/psfp-entry/gateway/payment.do',
    'merCode' => getenv('IPS7_MER_CODE') ?: 'c5374addd1a3d024c3a026199cb8feaf',
    'account' => getenv('IPS7_ACCOUNT') ?: 'b02e072eee68d65bff916e08b4f11df2',
    'cert' => getenv('IPS7_CERT') ?: 'c71530d016b3475579da8af971f7ca6c',
    // ServerUrl: IPS's server-to-server notification (a form POST of paymentResult)
    'serverUrl' => getenv('IPS7_SERVER_URL') ?: 'http://merchant.example/ips7/server.php',
    // Merchanturl / FailUrl: the payer's browser afterwards, with the same paymentResult
    'returnUrl' => getenv('IPS7_RETURN_URL') ?: 'http://merchant.example/ips7/return.php',
    // the order book (../orders.php): a folder, or '' for none
    'orderDir' => getenv('IPS7_ORDER_DIR') ?: '',
];
