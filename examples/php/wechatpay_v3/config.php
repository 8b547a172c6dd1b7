<?php
/*
 * Settings shared by order.php, query.php, certificates.php and notify.php, from the
 * environment. The defaults are public test material: the v3 documentation's example mchid
 * and appid, with the official Java SDK's test merchant key and APIv3 key
 * (testdata/wechat_v3/SOURCES.md); not production keys.
 */

$repo = dirname(__DIR__, 3); // the paysign source tree, for the bundled test keys

return [
    // API base: production https://api.mch.weixin.qq.com, or paysign simulate's address
    'gateway' => rtrim(getenv('WECHATPAY_V3_GATEWAY') ?: 'https://api.mch.weixin.qq.com', '/'),
    'appid' => getenv('WECHATPAY_V3_APPID') ?: 'wxd678efh567hg6787',
    'mchid' => getenv('WECHATPAY_V3_MCHID') ?: '1230000109',
    // the merchant API certificate's private key (apiclient_key.pem) and that certificate's serial
    'merchantKey' => getenv('WECHATPAY_V3_MERCHANT_KEY') ?: $repo . '/testdata/wechat_v3/merchant_private_key.pem',
    'merchantSerial' => getenv('WECHATPAY_V3_MERCHANT_SERIAL') ?: '5F1C72E2A8931B72A2E13AF8DEE92471EB397115',
    // 商户平台 > API安全 > APIv3密钥 (32 characters; not the v2 API key)
    'apiv3Key' => getenv('WECHATPAY_V3_APIV3_KEY') ?: 'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb',
    // the platform certificate (平台证书) that verifies answers and notifications: from a
    // verified GET /v3/certificates (certificates.php), or `paysign simulate --cert wechatpay`
    'platformCert' => getenv('WECHATPAY_V3_PLATFORM_CERT') ?: '',
    // where WeChat POSTs the notification (notify.php); no query string allowed
    'notifyUrl' => getenv('WECHATPAY_V3_NOTIFY_URL') ?: 'https://merchant.example/wechatpay_v3/notify.php',
    // the order book (../orders.php): a folder, or '' for none
    'orderDir' => getenv('WECHATPAY_V3_ORDER_DIR') ?: '',
];
