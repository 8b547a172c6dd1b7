<?php
/*
 * 99bill (快钱) RMB gateway: the page the payer lands on after paying (showUrl, the
 * <redirecturl> of receive.php's reply). It shows the order's state from the order book, which
 * only receive.php changes after a verified notification, never from this URL's own
 * parameters: anyone can type ?msg=success.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';
require_once dirname(__DIR__) . '/orders.php';

$orderId = (string) ($_GET['orderId'] ?? '');
$order = $config['orderDir'] === '' ? null : shop_order_load($config['orderDir'], $orderId);
$status = $order === null ? 'unknown' : (string) $order['status'];
$h = static function ($s): string {
    return htmlspecialchars((string) $s, ENT_QUOTES | ENT_HTML5, 'UTF-8');
};

header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Order ", $h($orderId), "</title></head>\n";
echo '<body><h1>Order <span id="order">', $h($orderId), '</span>: <span id="status">', $h($status), "</span></h1></body></html>\n";
