<?php
/*
 * Dinpay direct_pay checkout: a form the payer's browser posts to the gateway. sign_params()
 * signs with the profile dinpay.pay.request: sorted, sign and sign_type left out, `&key=`
 * appended, MD5 lowercase; or with pay.php?sign_type=RSA-S the same string without the key,
 * MD5withRSA with our private key, base64.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';
require_once __DIR__ . '/verify.php';

$signType = in_array($_GET['sign_type'] ?? '', $config['signTypes'], true) ? $_GET['sign_type'] : 'MD5';

$no = 'D' . date('YmdHis') . bin2hex(random_bytes(2));
$amount = '0.01'; // yuan
$fields = [
    'merchant_code' => $config['merchantCode'],
    'service_type' => 'direct_pay',
    'interface_version' => 'V3.0',
    'input_charset' => 'UTF-8',
    'sign_type' => $signType,
    'notify_url' => $config['notifyUrl'],
    'return_url' => $config['returnUrl'],
    'order_no' => $no,
    'order_time' => date('Y-m-d H:i:s'),
    'order_amount' => $amount,
    'product_name' => '测试商品',
];

if ($config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    shop_order_save($config['orderDir'], ['orderId' => $no, 'amount' => $amount, 'status' => 'pending', 'notifications' => 0]);
}

$signed = PaySign\sign_params('dinpay.pay.request', $fields, dinpay_signing_key($config, $signType));

$h = static function ($s): string {
    return htmlspecialchars((string) $s, ENT_QUOTES | ENT_HTML5, 'UTF-8');
};
header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Dinpay</title></head>\n<body>\n";
echo '<form name="dinpay" method="post" action="', $h($config['gateway']), '">', "\n";
foreach ($signed as $name => $value) {
    echo '<input type="hidden" name="', $h($name), '" value="', $h($value), "\">\n";
}
echo "<button type=\"submit\">Pay with Dinpay</button>\n</form>\n</body></html>\n";
