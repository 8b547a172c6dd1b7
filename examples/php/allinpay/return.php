<?php
/*
 * Allinpay browser return (a form POST to pickupUrl): the same signed fields. Show the result;
 * the order book is notify.php's to change.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

require_once __DIR__ . '/verify.php';

$fields = allinpay_verified($config, (string) file_get_contents('php://input'));
$verified = $fields !== null;
$paid = $verified && ($fields['payResult'] ?? '') === '1';
header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Payment</title></head><body>\n";
echo '<p>Status: <span id="status">', $paid ? 'paid' : ($verified ? 'failed' : 'not verified'), "</span></p>\n</body></html>\n";
