<?php
/*
 * WeChat Pay (API v2) NATIVE order: the shop's server calls /pay/unifiedorder and shows the
 * code_url the payer scans (a QR code in a real shop; a link here).
 *
 *     php -d extension=paysign -S 127.0.0.1:8080 -t examples/php   # then /wechatpay/order.php
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';
require_once __DIR__ . '/api.php';

$outTradeNo = 'WX' . date('YmdHis') . bin2hex(random_bytes(2));
if ($config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    shop_order_save($config['orderDir'], ['orderId' => $outTradeNo, 'amount' => '1', 'status' => 'pending', 'notifications' => 0]);
}
[$valid, $answer] = wx_call($config, '/pay/unifiedorder', [
    'body' => '测试商品',
    'out_trade_no' => $outTradeNo,
    'total_fee' => '1',                                  // fen
    'spbill_create_ip' => $_SERVER['REMOTE_ADDR'] ?? '127.0.0.1',
    'notify_url' => $config['notifyUrl'],
    'trade_type' => 'NATIVE',
]);

$h = static function ($s): string {
    return htmlspecialchars((string) $s, ENT_QUOTES | ENT_HTML5, 'UTF-8');
};
header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>WeChat Pay</title></head><body>\n";
if ($valid && ($answer['result_code'] ?? '') === 'SUCCESS') {
    echo '<p>Order <span id="order">', $h($outTradeNo), '</span>: scan <a id="code" href="', $h($answer['code_url']), '">',
        $h($answer['code_url']), "</a></p>\n";
    echo '<p><a id="query" href="query.php?out_trade_no=', $h(rawurlencode($outTradeNo)), "\">Has it been paid?</a></p>\n";
} else {
    http_response_code(502);
    echo '<p id="error">WeChat Pay refused the order: ', $h($answer['return_msg'] ?? ''), ' ', $h($answer['err_code_des'] ?? ''),
        $valid ? '' : ' (answer not signed by WeChat Pay)', "</p>\n";
}
echo "</body></html>\n";
