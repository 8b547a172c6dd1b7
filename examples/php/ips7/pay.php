<?php
/*
 * IPS 7.0 checkout: a form the payer's browser posts to the gateway, one field pGateWayReq
 * holding the XML request. sign_params() signs it with the profile ips.v7.request: md5 of the
 * exact <body>…</body> text, then the head's MerCode, then the certificate, lowercase, written
 * into <head><Signature>.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

$no = 'I7' . date('YmdHis') . bin2hex(random_bytes(2));
$amount = '0.01'; // yuan
$x = static function ($s): string {
    return htmlspecialchars((string) $s, ENT_XML1 | ENT_QUOTES, 'UTF-8');
};
$element = static function (string $name, string $value) use ($x): string {
    return "<$name>" . $x($value) . "</$name>";
};
$body = '<body>' . implode('', [
    $element('MerBillNo', $no),
    $element('GatewayType', '01'),
    $element('Date', date('Ymd')),
    $element('CurrencyType', '156'),
    $element('Amount', $amount),
    $element('Lang', 'GB'),
    $element('Merchanturl', $config['returnUrl']),
    $element('FailUrl', $config['returnUrl']),
    $element('Attach', '备注'),
    $element('OrderEncodeType', '5'),
    $element('RetEncodeType', '17'),
    $element('RetType', '1'),
    $element('ServerUrl', $config['serverUrl']),
    $element('GoodsName', '测试商品'),
]) . '</body>';
$head = '<head>' . implode('', [
    $element('Version', 'v1.0.0'),
    $element('MerCode', $config['merCode']),
    $element('Account', $config['account']),
    $element('ReqDate', date('YmdHis')),
    '<Signature></Signature>',
]) . '</head>';

if ($config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    shop_order_save($config['orderDir'], ['orderId' => $no, 'amount' => $amount, 'status' => 'pending', 'notifications' => 0]);
}

$signed = PaySign\sign_params('ips.v7.request', ['pGateWayReq' => "<Ips><GateWayReq>$head$body</GateWayReq></Ips>"],
    PaySign\Key::secret($config['cert']));

$h = static function ($s): string {
    return htmlspecialchars((string) $s, ENT_QUOTES | ENT_HTML5, 'UTF-8');
};
header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>IPS 7.0</title></head>\n<body>\n";
echo '<form name="ips7" method="post" action="', $h($config['gateway']), '">', "\n";
echo '<input type="hidden" name="pGateWayReq" value="', $h($signed['pGateWayReq']), "\">\n";
echo "<button type=\"submit\">Pay with IPS</button>\n</form>\n</body></html>\n";
