<?php
/*
 * Alipay mapi checkout (create_direct_pay_by_user): a form the payer's browser posts to the
 * gateway. sign_params() signs with the profile alipay.mapi.request: sorted, sign and sign_type
 * left out, the MD5 key appended (or SHA1withRSA).
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';
require_once __DIR__ . '/keys.php';

$signType = in_array($_GET['sign_type'] ?? '', $config['signTypes'], true) ? $_GET['sign_type'] : 'MD5';
$no = 'M' . date('YmdHis') . bin2hex(random_bytes(2));
$amount = '0.01'; // yuan
$fields = [
    'service' => 'create_direct_pay_by_user',
    'partner' => $config['partner'],
    'seller_id' => $config['partner'],
    '_input_charset' => 'utf-8',
    'sign_type' => $signType,
    'notify_url' => $config['notifyUrl'],
    'return_url' => $config['returnUrl'],
    'out_trade_no' => $no,
    'subject' => '测试商品',
    'payment_type' => '1',
    'total_fee' => $amount,
];

if ($config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    shop_order_save($config['orderDir'], ['orderId' => $no, 'amount' => $amount, 'status' => 'pending', 'notifications' => 0]);
}

$signed = PaySign\sign_params('alipay.mapi.request', $fields, mapi_sign_key($config, $signType));

$h = static function ($s): string {
    return htmlspecialchars((string) $s, ENT_QUOTES | ENT_HTML5, 'UTF-8');
};
header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Alipay</title></head>\n<body>\n";
echo '<form name="alipay" method="post" action="', $h($config['gateway']), '">', "\n";
foreach ($signed as $name => $value) {
    echo '<input type="hidden" name="', $h($name), '" value="', $h($value), "\">\n";
}
echo "<button type=\"submit\">Pay with Alipay</button>\n</form>\n</body></html>\n";
