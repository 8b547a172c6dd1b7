<?php
/*
 * PayPal IPN listener, with paysign.
 *
 * PayPal POSTs a form body to notify_url. PayPal signs nothing: the listener posts the body
 * back exactly as received (PaySign\paypal_postback) and PayPal answers VERIFIED or INVALID
 * (PaySign\paypal_verdict). Then the merchant's own checks (PaySign\paypal_check): the
 * receiver, sandbox or live, and the txn_id processed once, since PayPal resends. With
 * PAYPAL_ORDER_DIR, the order book (../orders.php) too: the invoice, amount and currency.
 *
 *     PAYPAL_RECEIVER_EMAIL=... php -d extension=paysign ipn.php < ipn.body
 *
 * (Under php-cli, where there is no request body, the body is read from stdin.)
 * The answer to PayPal is HTTP 200 with an empty body whatever the verdict; only when
 * PayPal could not be asked (no verdict) is it 503, so that PayPal sends the notification again.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

// The raw bytes, never $_POST: PHP has decoded it, and a body rebuilt from it gets INVALID.
$raw = PHP_SAPI === 'cli' ? (string) stream_get_contents(STDIN) : (string) file_get_contents('php://input');

function ipn_log(string $message): void
{
    error_log('PayPal IPN: ' . $message);
}

try {
    $postback = PaySign\paypal_postback($raw);
} catch (PaySign\Exception $e) {
    ipn_log('not an IPN body: ' . $e->getStatusName() . ': ' . $e->getMessage());
    return;
}

$url = $config['postbackUrl'] !== '' ? $config['postbackUrl']
    : ($config['sandbox'] ? 'https://ipnpb.sandbox.paypal.com/cgi-bin/webscr' : 'https://ipnpb.paypal.com/cgi-bin/webscr');
$context = stream_context_create([
    'http' => [
        'method' => 'POST',
        'header' => "Content-Type: application/x-www-form-urlencoded\r\nUser-Agent: paysign-ipn-example\r\nConnection: close\r\n",
        'content' => $postback,
        'timeout' => 20, // PayPal wants the notification answered within 30 s
        'ignore_errors' => true, // read the body of a non-200 answer too, to log it
        'follow_location' => 0,
    ],
    'ssl' => ['verify_peer' => true, 'verify_peer_name' => true],
]);
$answer = @file_get_contents($url, false, $context);
$http = isset($http_response_header[0]) && preg_match('#^HTTP/\S+ (\d{3})#', $http_response_header[0], $m)
    ? (int) $m[1] : 0;

try {
    if ($answer === false || $http !== 200) {
        throw new PaySign\Exception("HTTP $http from $url", PaySign\Exception::MALFORMED_INPUT);
    }
    PaySign\paypal_verdict($answer);
} catch (PaySign\Exception $e) {
    if ($e->getCode() === PaySign\Exception::BAD_SIGNATURE) {
        ipn_log('INVALID: not from PayPal or altered; nothing done');
        return;
    }
    ipn_log('no verdict (' . $e->getMessage() . '); answering 503 so that PayPal resends');
    http_response_code(503);
    return;
}

try {
    PaySign\paypal_check($raw, [
        'receiver_email' => $config['receiverEmail'],
        'sandbox' => $config['sandbox'] ? '1' : '0',
    ]);
    $txnId = PaySign\paypal_field($raw, 'txn_id');
    $status = PaySign\paypal_field($raw, 'payment_status');
    $gross = PaySign\paypal_field($raw, 'mc_gross'); // text, never a float
    $currency = PaySign\paypal_field($raw, 'mc_currency');
    // the order book keeps pay.php's invoice with its amount and currency
    $invoice = $config['orderDir'] !== '' ? PaySign\paypal_field($raw, 'invoice') : '';
} catch (PaySign\Exception $e) {
    ipn_log('VERIFIED but refused: ' . $e->getStatusName() . ': ' . $e->getMessage());
    return;
}
// With the order book (../orders.php): our invoice, the amount and currency asked, and the
// first final status decides (Completed: paid; Failed, Denied: failed; Pending waits).
if ($config['orderDir'] !== '' && in_array($status, ['Completed', 'Failed', 'Denied'], true)) {
    require_once dirname(__DIR__) . '/orders.php';
    if (!shop_order_settle($config['orderDir'], 'PayPal IPN', $invoice, "$gross $currency", $status === 'Completed')) {
        return;
    }
}
if ($status !== 'Completed') {
    ipn_log("txn_id $txnId is $status; nothing to ship yet");
    return;
}

// txn_id once: creating its file is the atomic test-and-set ('x' fails when it exists).
if (!is_dir($config['txnDir'])) {
    @mkdir($config['txnDir'], 0700, true);
}
$record = @fopen($config['txnDir'] . '/' . bin2hex($txnId) . '.json', 'x');
if ($record === false) {
    ipn_log("txn_id $txnId already processed; a repeat");
    return;
}
fwrite($record, json_encode(['txn_id' => $txnId, 'mc_gross' => $gross, 'mc_currency' => $currency]));
fclose($record);
// Without the order book: here compare mc_gross/mc_currency with the order's and mark it paid.
ipn_log("txn_id $txnId processed");
