<?php
/*
 * Alipay OpenAPI page payment (alipay.trade.page.pay): the page that sends the payer's browser
 * to Alipay with a signed form. sign_params() signs with the profile alipay.openapi.request:
 * every non-empty field but sign, sorted, sign_type included, RSA2 with the app's private key.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

$outTradeNo = 'AP' . date('YmdHis') . bin2hex(random_bytes(2));
$amount = '0.01'; // yuan
$fields = [
    'app_id' => $config['appId'],
    'method' => 'alipay.trade.page.pay',
    'format' => 'JSON',
    'charset' => 'utf-8',
    'sign_type' => 'RSA2',
    'timestamp' => date('Y-m-d H:i:s'),
    'version' => '1.0',
    'notify_url' => $config['notifyUrl'],
    'return_url' => $config['returnUrl'],
    // signed as the exact JSON text that is sent
    'biz_content' => json_encode([
        'out_trade_no' => $outTradeNo, 'total_amount' => $amount, 'subject' => '测试商品',
        'product_code' => 'FAST_INSTANT_TRADE_PAY',
    ], JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES),
];

if ($config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    shop_order_save($config['orderDir'], ['orderId' => $outTradeNo, 'amount' => $amount, 'status' => 'pending', 'notifications' => 0]);
}

$signed = PaySign\sign_params('alipay.openapi.request', $fields, PaySign\Key::fromFile($config['appPrivateKey']));

$h = static function ($s): string {
    return htmlspecialchars((string) $s, ENT_QUOTES | ENT_HTML5, 'UTF-8');
};
header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Alipay</title></head>\n";
echo "<body onload=\"document.forms.alipay.submit()\">\n";
echo '<form name="alipay" method="post" action="', $h($config['gateway']), '?charset=utf-8">', "\n";
foreach ($signed as $name => $value) {
    echo '<input type="hidden" name="', $h($name), '" value="', $h($value), "\">\n";
}
echo "<noscript><button type=\"submit\">Pay with Alipay</button></noscript>\n</form>\n</body></html>\n";
