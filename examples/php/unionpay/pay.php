<?php
/*
 * UnionPay ACP front consume (网关支付, txnType 01): a form the payer's browser posts to
 * frontTransReq.do. sign_params() signs with the profile unionpay.acp.request: every field but
 * signature, sorted, SHA-256 (5.1.0) or SHA-1 (5.0.0) as lowercase hex, then RSA with the
 * merchant's PFX; certId is that PFX's certificate serial in decimal (unionpay_cert_id).
 * pay.php?version=5.0.0 picks the older version; config's by default. Fields as UnionPay's
 * SDK demo Form_6_2_FrontConsume sends them; no empty field (UnionPay's demos drop them).
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

$version = ($_GET['version'] ?? '') === '5.0.0' ? '5.0.0' : (($_GET['version'] ?? '') === '5.1.0' ? '5.1.0' : $config['version']);
$key = PaySign\Key::fromFile($config['signPfx'], $config['signPassword']);
$no = 'U' . date('YmdHis') . bin2hex(random_bytes(3)); // 8 to 40 letters or digits
$amount = '1'; // fen: 0.01 yuan
$fields = [
    'version' => $version,
    'encoding' => 'UTF-8',
    'bizType' => '000201',
    'txnTime' => date('YmdHis'),
    'backUrl' => $config['backUrl'],
    'currencyCode' => '156',
    'txnAmt' => $amount,
    'txnType' => '01',
    'txnSubType' => '01',
    'accessType' => '0',
    'signMethod' => '01',
    'channelType' => '07',
    'merId' => $config['merId'],
    'frontUrl' => $config['frontUrl'],
    'orderId' => $no,
    'reqReserved' => '附加数据',
    'certId' => PaySign\unionpay_cert_id($key),
];

if ($config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    // txnTime and version too: the query (query.php) must send them again
    shop_order_save($config['orderDir'], ['orderId' => $no, 'amount' => $amount, 'status' => 'pending', 'notifications' => 0,
        'txnTime' => $fields['txnTime'], 'version' => $version]);
}

$signed = PaySign\sign_params('unionpay.acp.request', $fields, $key);

$h = static function ($s): string {
    return htmlspecialchars((string) $s, ENT_QUOTES | ENT_HTML5, 'UTF-8');
};
header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>UnionPay</title></head>\n<body>\n";
echo '<form name="unionpay" method="post" action="', $h($config['gateway']), '">', "\n";
foreach ($signed as $name => $value) {
    echo '<input type="hidden" name="', $h($name), '" value="', $h($value), "\">\n";
}
echo "<button type=\"submit\">Pay with UnionPay</button>\n</form>\n</body></html>\n";
