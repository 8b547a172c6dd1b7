<?php
/*
 * Alipay mapi browser return (return_url, GET): the signed result in the query. Show it; the
 * order book is notify.php's to change.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';
require_once __DIR__ . '/keys.php';

$fields = mapi_verified($config, (string) ($_SERVER['QUERY_STRING'] ?? ''));
$paid = $fields !== null && ($fields['is_success'] ?? '') === 'T'
    && in_array($fields['trade_status'] ?? '', ['TRADE_SUCCESS', 'TRADE_FINISHED'], true);
header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Payment</title></head><body>\n";
echo '<p>Status: <span id="status">', $paid ? 'paid' : ($fields !== null ? 'failed' : 'not verified'), "</span></p>\n</body></html>\n";
