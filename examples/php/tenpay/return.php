<?php
/*
 * Tenpay browser return (a GET to return_url with the notification's signed fields): checked
 * like the notification (verify.php), and shown. The order book is notify.php's to change.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

require_once __DIR__ . '/verify.php';

$trade = tenpay_confirmed($config, (string) ($_SERVER['QUERY_STRING'] ?? ''));
$paid = $trade !== null && ($trade['trade_state'] ?? '') === '0';
header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Payment</title></head><body>\n";
echo '<p>Status: <span id="status">', $paid ? 'paid' : ($trade !== null ? 'failed' : 'not verified'), "</span></p>\n</body></html>\n";
