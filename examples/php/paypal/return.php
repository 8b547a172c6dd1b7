<?php
/*
 * PayPal return page (`return`, and `cancel_return` with ?cancelled=1). PayPal sends the
 * payer back with nothing to verify (no PDT here), so the page shows what the order book says,
 * which only ipn.php changes after PayPal's VERIFIED.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

$status = 'unknown';
if (isset($_GET['cancelled'])) {
    $status = 'cancelled';
} elseif ($config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    $order = shop_order_load($config['orderDir'], (string) ($_GET['invoice'] ?? ''));
    $status = $order === null ? 'unknown order' : (string) $order['status'];
}
header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Payment</title></head><body>\n";
echo '<p>Status: <span id="status">', htmlspecialchars($status, ENT_QUOTES | ENT_HTML5, 'UTF-8'), "</span></p>\n</body></html>\n";
