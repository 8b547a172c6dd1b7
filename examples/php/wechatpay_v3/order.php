<?php
/*
 * WeChat Pay (API v3) Native order: the shop's server calls POST /v3/pay/transactions/native
 * and shows the code_url the payer scans (a QR code in a real shop; a link here).
 *
 *     php -d extension=paysign -S 127.0.0.1:8080 -t examples/php   # then /wechatpay_v3/order.php
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';
require_once __DIR__ . '/api.php';

$outTradeNo = 'WX3' . date('YmdHis') . bin2hex(random_bytes(2));
if ($config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    shop_order_save($config['orderDir'], ['orderId' => $outTradeNo, 'amount' => '1', 'status' => 'pending', 'notifications' => 0]);
}
[$status, $valid, $answer, $why] = wx3_call($config, 'POST', '/v3/pay/transactions/native', [
    'appid' => $config['appid'],
    'mchid' => $config['mchid'],
    'description' => '测试商品',
    'out_trade_no' => $outTradeNo,
    'notify_url' => $config['notifyUrl'],
    'amount' => ['total' => 1, 'currency' => 'CNY'],   // fen, a JSON integer
]);

$h = static function ($s): string {
    return htmlspecialchars((string) $s, ENT_QUOTES | ENT_HTML5, 'UTF-8');
};
header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>WeChat Pay v3</title></head><body>\n";
if ($status === 200 && $valid && isset($answer['code_url'])) {
    echo '<p>Order <span id="order">', $h($outTradeNo), '</span>: scan <a id="code" href="', $h($answer['code_url']), '">',
        $h($answer['code_url']), "</a></p>\n";
    echo '<p><a id="query" href="query.php?out_trade_no=', $h(rawurlencode($outTradeNo)), "\">Has it been paid?</a></p>\n";
} else {
    http_response_code(502);
    echo '<p id="error">WeChat Pay refused the order: HTTP ', $h($status), ' <span id="code">', $h($answer['code'] ?? ''), '</span> ',
        $h($answer['message'] ?? ''), $valid ? '' : ' (answer not verified: ' . $h($why) . ')', "</p>\n";
    // paysign simulate explains a refused signature in detail.paysign
    if (isset($answer['detail']['paysign']['reason'])) {
        echo '<pre id="reason">', $h($answer['detail']['paysign']['reason']), "</pre>\n";
    }
}
echo "</body></html>\n";
