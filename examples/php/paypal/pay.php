<?php
/*
 * PayPal Buy Now checkout: a form the payer's browser posts to PayPal's cgi-bin/webscr
 * (cmd=_xclick). PayPal signs nothing and neither does this form: what the IPN says is
 * checked by ipn.php's postback and against the order book, never taken from the form.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

$invoice = 'P' . date('YmdHis') . bin2hex(random_bytes(2));
$amount = '10.00';
$currency = 'USD';
$webscr = $config['webscr'] !== '' ? $config['webscr']
    : ($config['sandbox'] ? 'https://www.sandbox.paypal.com/cgi-bin/webscr' : 'https://www.paypal.com/cgi-bin/webscr');
$fields = [
    'cmd' => '_xclick',
    'business' => $config['receiverEmail'],
    'item_name' => 'Test item',
    'item_number' => 'T-1',
    'amount' => $amount,
    'currency_code' => $currency,
    'invoice' => $invoice,
    'charset' => 'utf-8',
    'no_shipping' => '1',
    'notify_url' => $config['notifyUrl'],
    'return' => $config['returnUrl'] . '?invoice=' . rawurlencode($invoice),
    'cancel_return' => $config['cancelUrl'],
];

if ($config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    shop_order_save($config['orderDir'],
        ['orderId' => $invoice, 'amount' => "$amount $currency", 'status' => 'pending', 'notifications' => 0]);
}

$h = static function ($s): string {
    return htmlspecialchars((string) $s, ENT_QUOTES | ENT_HTML5, 'UTF-8');
};
header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>PayPal</title></head>\n<body>\n";
echo '<form name="paypal" method="post" action="', $h($webscr), '">', "\n";
foreach ($fields as $name => $value) {
    echo '<input type="hidden" name="', $h($name), '" value="', $h($value), "\">\n";
}
echo "<button type=\"submit\">Pay with PayPal</button>\n</form>\n</body></html>\n";
