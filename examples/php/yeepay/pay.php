<?php
/*
 * YeePay Buy request: a form the payer's browser posts to the gateway. sign_params() signs with
 * the profile yeepay.pay.request: the values p0_Cmd..pr_NeedResponse in that order, no
 * separators, HMAC-MD5 over their UTF-8 bytes. The wire is GBK: the form says so with
 * accept-charset, the page itself stays UTF-8.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

$no = 'Y' . date('YmdHis') . bin2hex(random_bytes(2));
$amount = '0.01'; // yuan, sent and signed as this exact string
$fields = [
    'p0_Cmd' => 'Buy',
    'p1_MerId' => $config['merId'],
    'p2_Order' => $no,
    'p3_Amt' => $amount,
    'p4_Cur' => 'CNY',
    'p5_Pid' => '测试商品',
    'p6_Pcat' => '',
    'p7_Pdesc' => '',
    'p8_Url' => $config['callbackUrl'],
    'p9_SAF' => '0',
    'pa_MP' => '备注',
    'pd_FrpId' => '',
    'pr_NeedResponse' => '1', // 1: send the server callback (r9_BType=2) too
];

if ($config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    shop_order_save($config['orderDir'], ['orderId' => $no, 'amount' => $amount, 'status' => 'pending', 'notifications' => 0]);
}

$signed = PaySign\sign_params('yeepay.pay.request', $fields, PaySign\Key::secret($config['key']));

$h = static function ($s): string {
    return htmlspecialchars((string) $s, ENT_QUOTES | ENT_HTML5, 'UTF-8');
};
header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>YeePay</title></head>\n<body>\n";
echo '<form name="yeepay" method="post" accept-charset="GBK" action="', $h($config['gateway']), '">', "\n";
foreach ($signed as $name => $value) {
    echo '<input type="hidden" name="', $h($name), '" value="', $h($value), "\">\n";
}
echo "<button type=\"submit\">Pay with YeePay</button>\n</form>\n</body></html>\n";
