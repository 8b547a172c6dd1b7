<?php
/*
 * IPS browser return (Merchanturl): the same signed fields as the server notification, in the
 * query. Verify, match the order book, show the result; the book is server.php's to change.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

require_once __DIR__ . '/verify.php';

$fields = ips_verified($config, (string) ($_SERVER['QUERY_STRING'] ?? ''));
$verified = $fields !== null;
if ($verified && $config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    $verified = shop_order_match($config['orderDir'], 'IPS return', (string) ($fields['billno'] ?? ''),
        (string) ($fields['amount'] ?? '')) !== null;
}
$paid = $verified && ($fields['succ'] ?? '') === 'Y';
header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Payment</title></head><body>\n";
echo '<p>Status: <span id="status">', $paid ? 'paid' : ($verified ? 'failed' : 'not verified'), "</span></p>\n</body></html>\n";
