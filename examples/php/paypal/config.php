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
];
