<?php
/*
 * Allinpay order query (query.do, version v1.5) from the merchant's server: orderNo and
 * orderDatetime as the payment sent them (kept in the order book by pay.php), signType as the
 * payment's, signed with the profile allinpay.query.request (fixed order, `&key=`, MD5 upper
 * case) and POSTed. The answer is the payment result's fields, verified as a notification
 * (verify.php: signType 0 with the MD5 key, 1 with Allinpay's certificate), or ERRORCODE=10027
 * when Allinpay has no result for the order. A verified payResult=1 for the amount asked
 * settles an order still pending in the order book. query.php?orderNo=...
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';
require_once __DIR__ . '/verify.php';
require_once dirname(__DIR__) . '/orders.php';

$no = (string) ($_GET['orderNo'] ?? '');
$order = $config['orderDir'] !== '' ? shop_order_load($config['orderDir'], $no) : null;
$signed = PaySign\sign_params('allinpay.query.request', [
    'merchantId' => $config['merchantId'],
    'version' => 'v1.5',
    'signType' => (string) ($order['signType'] ?? '0'),
    'orderNo' => $no,
    'orderDatetime' => (string) ($order['orderDatetime'] ?? ($_GET['orderDatetime'] ?? '')),
    'queryDatetime' => date('YmdHis'),
], PaySign\Key::secret($config['key']));
$answer = @file_get_contents($config['queryUrl'], false, stream_context_create(['http' => [
    'method' => 'POST', 'header' => "Content-Type: application/x-www-form-urlencoded\r\n",
    'content' => http_build_query($signed), 'timeout' => 10, 'ignore_errors' => true,
]]));

parse_str((string) $answer, $sent); // only to read ERRORCODE; a result is read from the verified fields
if ($answer === false) {
    $state = 'not reached';
    $fields = null;
} elseif (isset($sent['ERRORCODE'])) {
    $state = 'ERRORCODE ' . $sent['ERRORCODE'];
    $fields = null;
} else {
    $fields = allinpay_verified($config, $answer);
    $state = $fields === null ? 'not verified' : 'payResult ' . ($fields['payResult'] ?? '');
}

$book = $order['status'] ?? '';
if ($fields !== null && $config['orderDir'] !== '') {
    $order = shop_order_confirm($config['orderDir'], 'Allinpay query', (string) ($fields['orderNo'] ?? ''),
        (string) ($fields['payAmount'] ?? ''), ($fields['payResult'] ?? '') === '1' ? 'paid' : 'failed');
    $book = $order['status'] ?? 'not ours';
}

$h = static function ($s): string {
    return htmlspecialchars((string) $s, ENT_QUOTES | ENT_HTML5, 'UTF-8');
};
header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Order</title></head>\n";
echo '<body><p>result: <span id="state">', $h($state), '</span></p>', "\n";
echo '<p>order book: <span id="status">', $h($book), "</span></p></body></html>\n";
