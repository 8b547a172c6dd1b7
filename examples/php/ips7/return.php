<?php
/*
 * IPS 7.0 browser return (Merchanturl or FailUrl, a form POST of the same paymentResult):
 * verified as the server notification. Show the result; the order book is server.php's.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

require_once __DIR__ . '/verify.php';

$fields = ips7_verified($config, (string) ($_POST['paymentResult'] ?? ''));
$paid = $fields !== null && ($fields['Status'] ?? '') === 'Y';
header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Payment</title></head><body>\n";
echo '<p>Status: <span id="status">', $paid ? 'paid' : ($fields !== null ? 'failed' : 'not verified'), "</span></p>\n</body></html>\n";
