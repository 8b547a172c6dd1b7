<?php
/*
 * ChinaBank browser return (v_url): the same signed fields as the notification, in the query.
 * Show the result; the order book is notify.php's to change.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

try {
    $verified = PaySign\verify_body('chinabank.pay.notify', (string) ($_SERVER['QUERY_STRING'] ?? ''),
        PaySign\Key::secret($config['key']), 'form', null, null, $fields);
} catch (PaySign\Exception $e) {
    $verified = false;
}
$paid = $verified && ($fields['v_pstatus'] ?? '') === '20';
header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Payment</title></head><body>\n";
echo '<p>Status: <span id="status">', $paid ? 'paid' : ($verified ? 'failed' : 'not verified'), "</span></p>\n</body></html>\n";
