<?php
/*
 * 99bill (快钱) RMB gateway: the notification receiver (bgUrl) of the vendor's
 * PHP demo, done right with paysign.
 *
 * 99bill calls bgUrl with an HTTP GET whose query string carries the result and
 * signMsg. What is verified is the query string exactly as received,
 * $_SERVER['QUERY_STRING'], never $_GET: PHP has already decoded $_GET once,
 * turned '+' into spaces, merged repeated names and mangled names with dots or
 * spaces, and any of those breaks the RSA check. verify_body() decodes once, in
 * the charset inputCharset names, and takes the last occurrence of a repeated
 * name (99bill appends its fields after the merchant's own bgUrl query).
 *
 * The answer is PaySign\reply(): <result>1</result><redirecturl>...</redirecturl>
 * stops 99bill's retries (for up to 18 hours it retries anything else).
 *
 * From the command line (php-cli puts environment variables in $_SERVER):
 *     QUERY_STRING='merchantAcctId=...&signMsg=...' php -d extension=paysign receive.php
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

$query = isset($_SERVER['QUERY_STRING']) ? (string) $_SERVER['QUERY_STRING'] : '';
$fields = null;

try {
    $cert = PaySign\Key::fromFile($config['gatewayCert']);
    $verified = PaySign\verify_body('99bill.pay.notify', $query, $cert, 'form', null,
        ['hash' => $config['hash']], $fields);
} catch (PaySign\Exception $e) {
    // malformed query, missing signMsg, unreadable certificate...: not a valid notification
    error_log('99bill notification rejected: ' . $e->getStatusName() . ': ' . $e->getMessage());
    $verified = false;
}

if ($verified && $config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    // Beyond the signature: the order is ours, the amount is the one asked, once only. A failed
    // payment's payAmount is not compared.
    $paid = ($fields['payResult'] ?? '') === '10';
    $verified = shop_order_settle($config['orderDir'], '99bill notification', (string) ($fields['orderId'] ?? ''),
        $paid ? (string) ($fields['payAmount'] ?? '') : null, $paid);
}
// Without the order book (KQ_ORDER_DIR unset) only the signature is checked: a real shop checks
// the order and its amount against its own database here.

if ($verified) {
    // $fields: the notification's fields, decoded, in the order received.
    if (($fields['payResult'] ?? '') === '10') {
        // Paid (payAmount fen). 99bill may repeat a notification, and a success may follow a
        // failure: see the order book above.
        $status = 'success';
    } else {
        // Payment failed (payResult 11); errCode says why.
        $status = 'failed';
    }
    $reply = PaySign\reply('99bill.pay.notify', true,
        $config['showUrl'] . '?msg=' . $status . '&orderId=' . rawurlencode($fields['orderId'] ?? ''));
} else {
    $reply = PaySign\reply('99bill.pay.notify', false, $config['showUrl'] . '?msg=error');
}

header('Content-Type: text/plain; charset=utf-8');
echo $reply;
