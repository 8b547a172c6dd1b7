<?php
/*
 * Alipay OpenAPI order query (alipay.trade.query) from the merchant's server: the request
 * signed like pay.php's (profile alipay.openapi.request), POSTed to the gateway; the JSON
 * answer's sign (over the exact text of alipay_trade_query_response) checked with Alipay's
 * public key by PaySign\alipay_verify_response. A verified TRADE_SUCCESS for the amount asked
 * settles an order still pending in the order book (a notification that never came).
 * query.php?out_trade_no=...
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

$outTradeNo = (string) ($_GET['out_trade_no'] ?? '');
$fields = [
    'app_id' => $config['appId'],
    'method' => 'alipay.trade.query',
    'format' => 'JSON',
    'charset' => 'utf-8',
    'sign_type' => 'RSA2',
    'timestamp' => date('Y-m-d H:i:s'),
    'version' => '1.0',
    'biz_content' => json_encode(['out_trade_no' => $outTradeNo], JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES),
];
$signed = PaySign\sign_params('alipay.openapi.request', $fields, PaySign\Key::fromFile($config['appPrivateKey']));
$answer = @file_get_contents($config['gateway'] . '?charset=utf-8', false, stream_context_create(['http' => [
    'method' => 'POST', 'header' => "Content-Type: application/x-www-form-urlencoded;charset=utf-8\r\n",
    'content' => http_build_query($signed), 'timeout' => 10, 'ignore_errors' => true,
]]));

$valid = false;
if ($answer !== false) {
    try {
        $valid = PaySign\alipay_verify_response($answer, 'alipay.trade.query', PaySign\Key::fromFile($config['alipayPublicKey']));
    } catch (PaySign\Exception $e) {
        // e.g. no sign: Alipay leaves some errors (a bad app_id) unsigned
        error_log('Alipay query answer not verified: ' . $e->getStatusName() . ': ' . $e->getMessage());
    }
}
$node = $answer === false ? [] : (json_decode($answer, true)['alipay_trade_query_response'] ?? []);
if (!$valid) {
    $state = 'not verified' . (isset($node['sub_code']) ? ' (' . $node['sub_code'] . ')' : '');
} elseif (($node['code'] ?? '') !== '10000') {
    $state = (string) ($node['sub_code'] ?? $node['code'] ?? 'error');
} else {
    $state = (string) ($node['trade_status'] ?? '');
}

$book = '';
if ($valid && ($node['code'] ?? '') === '10000' && $config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    $settled = ['TRADE_SUCCESS' => 'paid', 'TRADE_FINISHED' => 'paid', 'TRADE_CLOSED' => 'closed'][$state] ?? null;
    $order = shop_order_confirm($config['orderDir'], 'Alipay query', (string) ($node['out_trade_no'] ?? ''),
        (string) ($node['total_amount'] ?? ''), $settled);
    $book = $order['status'] ?? 'not ours';
}

$h = static function ($s): string {
    return htmlspecialchars((string) $s, ENT_QUOTES | ENT_HTML5, 'UTF-8');
};
header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Order</title></head>\n";
echo '<body><p>trade_status: <span id="state">', $h($state), '</span></p>', "\n";
echo '<p>order book: <span id="status">', $h($book), "</span></p></body></html>\n";
