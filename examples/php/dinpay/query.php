<?php
/*
 * Dinpay single_trade_query from the merchant's server: the form signed with the profile
 * dinpay.query.request (sorted, `&key=`, MD5 lowercase; query.php?sign_type=RSA-S: MD5withRSA
 * with our private key) and POSTed; the XML answer verified with the profile
 * dinpay.query.response (the <trade> children, sorted, `&key=`, or RSA-S with Dinpay's
 * public key when we asked RSA-S; the parser
 * flattens the document to its leaf elements, so a misspelt <resopnse> does not matter). A
 * verified SUCCESS for the amount asked settles an order still pending in the order book.
 * query.php?order_no=...[&sign_type=RSA-S]
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';
require_once __DIR__ . '/verify.php';

$signType = in_array($_GET['sign_type'] ?? '', $config['signTypes'], true) ? $_GET['sign_type'] : 'MD5';
$signed = PaySign\sign_params('dinpay.query.request', [
    'service_type' => 'single_trade_query',
    'merchant_code' => $config['merchantCode'],
    'interface_version' => 'V3.0',
    'sign_type' => $signType,
    'order_no' => (string) ($_GET['order_no'] ?? ''),
], dinpay_signing_key($config, $signType));
$answer = @file_get_contents($config['queryUrl'], false, stream_context_create(['http' => [
    'method' => 'POST', 'header' => "Content-Type: application/x-www-form-urlencoded\r\n",
    'content' => http_build_query($signed), 'timeout' => 10, 'ignore_errors' => true,
]]));

$fields = null;
$valid = false;
// the answer is signed the way we asked (an RSA-S key refuses an MD5 answer, and the reverse)
$key = dinpay_verifying_key($config, $signType);
if ($answer !== false && $key !== null) {
    try {
        $valid = PaySign\verify_body('dinpay.query.response', $answer, $key, 'xml', null, null, $fields);
    } catch (PaySign\Exception $e) {
        // is_success F: an error answer, with no trade and no sign
        if (preg_match('~<error_code>([^<]*)</error_code>~', $answer, $m)) {
            $fields = ['error_code' => $m[1]];
        } else {
            error_log('Dinpay query answer not verified: ' . $e->getStatusName() . ': ' . $e->getMessage());
        }
    }
}
if ($valid && ($fields['is_success'] ?? '') === 'T' && ($fields['merchant_code'] ?? '') === $config['merchantCode']) {
    $state = (string) ($fields['trade_status'] ?? '');
} else {
    $valid = false;
    $state = isset($fields['error_code']) ? (string) $fields['error_code'] : 'not verified';
}

$book = '';
if ($valid && $config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    $order = shop_order_confirm($config['orderDir'], 'Dinpay query', (string) ($fields['order_no'] ?? ''),
        (string) ($fields['order_amount'] ?? ''), ['SUCCESS' => 'paid', 'FAILED' => 'failed'][$state] ?? null);
    $book = $order['status'] ?? 'not ours';
}

$h = static function ($s): string {
    return htmlspecialchars((string) $s, ENT_QUOTES | ENT_HTML5, 'UTF-8');
};
header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Order</title></head>\n";
echo '<body><p>trade_status: <span id="state">', $h($state), '</span></p>', "\n";
echo '<p>order book: <span id="status">', $h($book), "</span></p></body></html>\n";
