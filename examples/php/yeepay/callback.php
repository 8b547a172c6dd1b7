<?php
/*
 * YeePay callback at p8_Url, a GBK query string: r9_BType=2 is the server callback, r9_BType=1
 * the payer's browser, with the same signed fields. Verify the raw query with the merchant key
 * (profile yeepay.pay.notify: hmac over p1_MerId, r0_Cmd..r9_BType, the rb_/ro_/rp_ extras
 * unsigned; with 'hmacSafe' also hmac_safe, option hmac_safe=1), and since values-only
 * signing cannot prove field boundaries (spec, gotcha 6),
 * check p1_MerId, r6_Order and r3_Amt against the order book. The server callback updates it,
 * once only, and gets exactly `success` (PaySign\reply), or YeePay keeps calling; the browser
 * gets a page.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

$query = (string) ($_SERVER['QUERY_STRING'] ?? '');
$fields = null;
try {
    $verified = PaySign\verify_body('yeepay.pay.notify', $query, PaySign\Key::secret($config['key']),
        'form', null, $config['hmacSafe'] ? 'hmac_safe=1' : null, $fields);
} catch (PaySign\Exception $e) {
    error_log('YeePay callback rejected: ' . $e->getStatusName() . ': ' . $e->getMessage());
    $verified = false;
}
$verified = $verified && ($fields['p1_MerId'] ?? '') === $config['merId'];
// Which caller, from the raw query (r9_BType is ASCII): a server callback that fails to verify
// still gets `fail`, not a page.
parse_str($query, $raw);
$server = ($raw['r9_BType'] ?? '') === '2';

if ($verified && $config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    $orderId = (string) ($fields['r6_Order'] ?? '');
    $amount = (string) ($fields['r3_Amt'] ?? '');
    $verified = $server
        ? shop_order_settle($config['orderDir'], 'YeePay callback', $orderId, $amount, ($fields['r1_Code'] ?? '') === '1')
        : shop_order_match($config['orderDir'], 'YeePay return', $orderId, $amount) !== null;
}

if ($server) {
    header('Content-Type: text/plain; charset=utf-8');
    echo PaySign\reply('yeepay.pay.notify', $verified);
    exit;
}
$paid = $verified && ($fields['r1_Code'] ?? '') === '1';
header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Payment</title></head><body>\n";
echo '<p>Status: <span id="status">', $paid ? 'paid' : ($verified ? 'failed' : 'not verified'), "</span></p>\n</body></html>\n";
