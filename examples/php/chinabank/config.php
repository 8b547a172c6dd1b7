<?php
/*
 * Settings shared by pay.php and notify.php, from the environment. The defaults are
 * ChinaBank's public demo merchant 1001 with key `test` (its Send.jsp demo); not a
 * production key.
 */

return [
    // PayGate: https://pay3.chinabank.com.cn/PayGate, or paysign simulate's /PayGate
    'gateway' => getenv('CHINABANK_GATEWAY') ?: 'https://pay3.chinabank.com.cn/PayGate',
    'mid' => getenv('CHINABANK_MID') ?: '1001',
    'key' => getenv('CHINABANK_KEY') ?: 'test',
    // the server notification (notify.php) goes inside remark2 as [url:=…]
    'notifyUrl' => getenv('CHINABANK_NOTIFY_URL') ?: 'http://merchant.example/chinabank/notify.php',
    'returnUrl' => getenv('CHINABANK_RETURN_URL') ?: 'http://merchant.example/chinabank/return.php',
    // the order book (../orders.php): a folder, or '' for none
    'orderDir' => getenv('CHINABANK_ORDER_DIR') ?: '',
];
