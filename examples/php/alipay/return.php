<?php
/*
 * Alipay OpenAPI sync return (return_url): the payer's browser, with signed fields in the
 * query. A valid signature says the payer came back from Alipay; whether the order is paid is
 * the order book's word (written by notify.php), never this request's.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';
require_once dirname(__DIR__) . '/orders.php';

$query = (string) ($_SERVER['QUERY_STRING'] ?? '');
$fields = null;
try {
    $valid = PaySign\verify_body('alipay.openapi.notify', $query, PaySign\Key::fromFile($config['alipayPublicKey']),
        'form', null, null, $fields);
} catch (PaySign\Exception $e) {
    $valid = false;
}
$orderId = (string) ($fields['out_trade_no'] ?? '');
$order = $valid && $config['orderDir'] !== '' ? shop_order_load($config['orderDir'], $orderId) : null;
$status = $valid ? ($order['status'] ?? 'unknown') : 'invalid return';

header('Content-Type: text/html; charset=utf-8');
$h = static function ($s): string {
    return htmlspecialchars((string) $s, ENT_QUOTES | ENT_HTML5, 'UTF-8');
};
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Order</title></head>\n";
echo '<body><h1>Order <span id="order">', $h($orderId), '</span>: <span id="status">', $h($status), "</span></h1></body></html>\n";
