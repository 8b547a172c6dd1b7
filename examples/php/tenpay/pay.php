<?php
/*
 * Tenpay gw.tenpay.com checkout: a form the payer's browser posts to pay.htm. sign_params()
 * signs with the profile tenpay.pay.request: every non-empty field but sign, sorted, `&key=`
 * appended, MD5 (uppercase, as Tenpay's SDK writes it).
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

$no = 'T' . date('YmdHis') . bin2hex(random_bytes(2));
$fee = '1'; // fen
$fields = [
    'partner' => $config['partner'],
    'out_trade_no' => $no,
    'total_fee' => $fee,
    'fee_type' => '1',
    'body' => '测试商品',
    'attach' => '附加数据',
    'bank_type' => 'DEFAULT',
    'spbill_create_ip' => $_SERVER['REMOTE_ADDR'] ?? '127.0.0.1',
    'return_url' => $config['returnUrl'],
    'notify_url' => $config['notifyUrl'],
    'input_charset' => 'UTF-8',
    'sign_type' => 'MD5',
    'service_version' => '1.0',
    'sign_key_index' => '1',
];

if ($config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    shop_order_save($config['orderDir'], ['orderId' => $no, 'amount' => $fee, 'status' => 'pending', 'notifications' => 0]);
}

$signed = PaySign\sign_params('tenpay.pay.request', $fields, PaySign\Key::secret($config['key']));

$h = static function ($s): string {
    return htmlspecialchars((string) $s, ENT_QUOTES | ENT_HTML5, 'UTF-8');
};
header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Tenpay</title></head>\n<body>\n";
echo '<form name="tenpay" method="post" action="', $h($config['gateway']), '">', "\n";
foreach ($signed as $name => $value) {
    echo '<input type="hidden" name="', $h($name), '" value="', $h($value), "\">\n";
}
echo "<button type=\"submit\">Pay with Tenpay</button>\n</form>\n</body></html>\n";
