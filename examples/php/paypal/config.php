<?php
/*
 * Settings of ipn.php, from the environment. The defaults are the sandbox seller of the recorded
 * notification in testdata/paypal (offsite-web-accept.body), for trying this out only.
 */

return [
    // The merchant's primary PayPal address: a notification for anyone else is refused.
    'receiverEmail' => getenv('PAYPAL_RECEIVER_EMAIL') ?: 'tobi@leetsoft.com',
    // 1: a sandbox shop (accepts test_ipn=1 only); 0: live (refuses test_ipn=1).
    'sandbox' => getenv('PAYPAL_SANDBOX') !== '0', // not `?:`: '0' is falsy in PHP
    // Where the postback goes; empty: PayPal's host for the mode above.
    'postbackUrl' => getenv('PAYPAL_POSTBACK_URL') ?: '',
    // One file per processed txn_id (a stand-in for the merchant's database).
    'txnDir' => getenv('PAYPAL_TXN_DIR') ?: sys_get_temp_dir() . '/paysign-paypal-txn',
    // pay.php's Buy Now form: where it posts (empty: PayPal's host for the mode above; or
    // paysign simulate's /cgi-bin/webscr), and the URLs it names.
    'webscr' => getenv('PAYPAL_WEBSCR') ?: '',
    'notifyUrl' => getenv('PAYPAL_NOTIFY_URL') ?: 'https://merchant.example/paypal/ipn.php',
    'returnUrl' => getenv('PAYPAL_RETURN_URL') ?: 'https://merchant.example/paypal/return.php',
    'cancelUrl' => getenv('PAYPAL_CANCEL_URL') ?: 'https://merchant.example/paypal/return.php?cancelled=1',
    // the order book (../orders.php): a folder, or '' for none (then ipn.php checks no order)
    'orderDir' => getenv('PAYPAL_ORDER_DIR') ?: '',
];
