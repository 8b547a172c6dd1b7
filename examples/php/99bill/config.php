<?php
/*
 * Settings shared by send.php and receive.php. Everything can be overridden from
 * the environment (or edit the defaults). The defaults are 99bill's public
 * sandbox test merchant 10012140356 from its 2019 merchant kit; they are test
 * material, not production keys.
 */

$repo = dirname(__DIR__, 3); // the paysign source tree, for the bundled test keys

return [
    // 99bill RMB gateway (sandbox; production is https://www.99bill.com/...)
    'gateway' => getenv('KQ_GATEWAY') ?: 'https://sandbox.99bill.com/gateway/recvMerchantInfoAction.htm',
    // 11-digit merchant number + "01"
    'merchantAcctId' => getenv('KQ_MERCHANT_ACCT_ID') ?: '1001214035601',
    // the merchant's PKCS#12 key and its password
    'merchantKey' => getenv('KQ_MERCHANT_PFX') ?: $repo . '/testdata/vectors/keys/99bill_10012140356.pfx',
    'merchantKeyPassword' => getenv('KQ_MERCHANT_PFX_PASSWORD') ?: '123456',
    // 99bill's certificate, to verify its notifications: the CFCA sandbox certificate
    // (SHA-256); production notifications are signed under 99bill.cert.rsa.20340630.cer
    // with SHA-1.
    'gatewayCert' => getenv('KQ_GATEWAY_CERT') ?: $repo . '/testdata/vectors/keys/99bill_CFCA_sandbox.cer',
    // the RSA digest is per-merchant configuration at 99bill: sha256 (2019+ CFCA kits) or sha1
    'hash' => getenv('KQ_HASH') ?: 'sha256',
    // where 99bill sends the notification (receive.php) and where the payer lands after it
    'bgUrl' => getenv('KQ_BG_URL') ?: 'http://merchant.example/99bill/receive.php',
    'showUrl' => getenv('KQ_SHOW_URL') ?: 'http://merchant.example/99bill/show.php',
    // the order book (orders.php): a folder, or '' for none (receive.php then checks the
    // signature only)
    'orderDir' => getenv('KQ_ORDER_DIR') ?: '',
];
