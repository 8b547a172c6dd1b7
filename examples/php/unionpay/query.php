<?php
/*
 * UnionPay single query (交易状态查询, queryTrans.do, txnType 00) from the merchant's server:
 * orderId and txnTime as the payment sent them (kept in the order book by pay.php), the
 * payment's version, signed with the profile unionpay.acp.request and POSTed. The reply is
 * signed like a notification (profile unionpay.acp.response, verify.php); respCode 00 means
 * the query was answered, origRespCode is the payment's state: 00 paid, 01 failed, 03/04/05
 * not final (ask again later; UnionPay's SDK demos). A verified final state for the amount
 * asked settles an order still pending in the order book. query.php?orderId=...
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';
require_once __DIR__ . '/verify.php';
require_once dirname(__DIR__) . '/orders.php';

$no = (string) ($_GET['orderId'] ?? '');
$order = $config['orderDir'] !== '' ? shop_order_load($config['orderDir'], $no) : null;
$key = PaySign\Key::fromFile($config['signPfx'], $config['signPassword']);
$signed = PaySign\sign_params('unionpay.acp.request', [
    'version' => (string) ($order['version'] ?? $config['version']),
    'encoding' => 'UTF-8',
    'signMethod' => '01',
    'txnType' => '00',
    'txnSubType' => '00',
    'bizType' => '000000',
    'accessType' => '0',
    'merId' => $config['merId'],
    'orderId' => $no,
    'txnTime' => (string) ($order['txnTime'] ?? ($_GET['txnTime'] ?? '')),
    'certId' => PaySign\unionpay_cert_id($key),
], $key);
$answer = @file_get_contents($config['queryUrl'], false, stream_context_create(['http' => [
    'method' => 'POST', 'header' => "Content-Type: application/x-www-form-urlencoded\r\n",
    'content' => http_build_query($signed), 'timeout' => 10, 'ignore_errors' => true,
]]));

$fields = $answer === false ? null : unionpay_verified($config, 'unionpay.acp.response', $answer);
if ($answer === false) {
    $state = 'not reached';
} elseif ($fields === null) {
    $state = 'not verified';
} elseif (($fields['respCode'] ?? '') !== '00') {
    $state = 'respCode ' . ($fields['respCode'] ?? '');
} else {
    $state = 'origRespCode ' . ($fields['origRespCode'] ?? '');
}

$book = $order['status'] ?? '';
if ($fields !== null && ($fields['respCode'] ?? '') === '00' && $config['orderDir'] !== '') {
    $result = ['00' => 'paid', '01' => 'failed'][$fields['origRespCode'] ?? ''] ?? null;
    $order = shop_order_confirm($config['orderDir'], 'UnionPay query', (string) ($fields['orderId'] ?? ''),
        (string) ($fields['txnAmt'] ?? ''), $result);
    $book = $order['status'] ?? 'not ours';
}

$h = static function ($s): string {
    return htmlspecialchars((string) $s, ENT_QUOTES | ENT_HTML5, 'UTF-8');
};
header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Order</title></head>\n";
echo '<body><p>result: <span id="state">', $h($state), '</span></p>', "\n";
echo '<p>order book: <span id="status">', $h($book), "</span></p></body></html>\n";
