<?php
/*
 * Allinpay gateway checkout: a form the payer's browser posts to the gateway. sign_params()
 * signs with the profile allinpay.pay.request: the fixed field order, empty values skipped,
 * `&key=` last, MD5 uppercase; always MD5, even with signType=1, which only asks Allinpay to
 * sign its notification with RSA. pay.php?signType=1 picks that, 0 by default.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

$no = 'A' . date('YmdHis') . bin2hex(random_bytes(2));
$amount = '1'; // fen: 0.01 yuan
$fields = [
    'inputCharset' => '1',
    'pickupUrl' => $config['pickupUrl'],
    'receiveUrl' => $config['receiveUrl'],
    'version' => 'v1.0',
    'language' => '1',
    'signType' => ($_GET['signType'] ?? '') === '1' ? '1' : '0',
    'merchantId' => $config['merchantId'],
    'orderNo' => $no,
    'orderAmount' => $amount,
    'orderCurrency' => '0',
    'orderDatetime' => date('YmdHis'),
    'productName' => '测试商品',
    'ext1' => '附加参数1',
    'payType' => '0',
];

if ($config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    // orderDatetime too: the order query (query.php) must send it again
    shop_order_save($config['orderDir'], ['orderId' => $no, 'amount' => $amount, 'status' => 'pending', 'notifications' => 0,
        'orderDatetime' => $fields['orderDatetime'], 'signType' => $fields['signType']]);
}

$signed = PaySign\sign_params('allinpay.pay.request', $fields, PaySign\Key::secret($config['key']));

$h = static function ($s): string {
    return htmlspecialchars((string) $s, ENT_QUOTES | ENT_HTML5, 'UTF-8');
};
header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Allinpay</title></head>\n<body>\n";
echo '<form name="allinpay" method="post" action="', $h($config['gateway']), '">', "\n";
foreach ($signed as $name => $value) {
    echo '<input type="hidden" name="', $h($name), '" value="', $h($value), "\">\n";
}
echo "<button type=\"submit\">Pay with Allinpay</button>\n</form>\n</body></html>\n";
