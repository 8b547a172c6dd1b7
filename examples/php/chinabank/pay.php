<?php
/*
 * ChinaBank PayGate checkout: a form the payer's browser posts to the gateway. sign_params()
 * signs with the profile chinabank.pay.request: v_md5info = MD5 of v_amount v_moneytype v_oid
 * v_mid v_url and the key, values only, uppercase. remark2 carries the notify URL, unsigned.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

$oid = date('Ymd') . '-' . $config['mid'] . '-' . date('His') . bin2hex(random_bytes(2));
$amount = '0.01'; // yuan
$fields = [
    'v_mid' => $config['mid'],
    'v_oid' => $oid,
    'v_amount' => $amount,
    'v_moneytype' => 'CNY',
    'v_url' => $config['returnUrl'],
    'remark2' => '[url:=' . $config['notifyUrl'] . ']',
];

if ($config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    shop_order_save($config['orderDir'], ['orderId' => $oid, 'amount' => $amount, 'status' => 'pending', 'notifications' => 0]);
}

$signed = PaySign\sign_params('chinabank.pay.request', $fields, PaySign\Key::secret($config['key']));

$h = static function ($s): string {
    return htmlspecialchars((string) $s, ENT_QUOTES | ENT_HTML5, 'UTF-8');
};
header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>ChinaBank</title></head>\n<body>\n";
echo '<form name="chinabank" method="post" action="', $h($config['gateway']), '">', "\n";
foreach ($signed as $name => $value) {
    echo '<input type="hidden" name="', $h($name), '" value="', $h($value), "\">\n";
}
echo "<button type=\"submit\">Pay with ChinaBank</button>\n</form>\n</body></html>\n";
