<?php
/*
 * Settings shared by order.php, query.php and notify.php, from the environment. The defaults
 * are the example merchant and key of WeChat Pay's v2 documentation, for trying this out (for
 * instance against `paysign simulate`) only.
 */

return [
    // API base: production https://api.mch.weixin.qq.com, or paysign simulate's address
    'gateway' => rtrim(getenv('WECHATPAY_GATEWAY') ?: 'https://api.mch.weixin.qq.com', '/'),
    'appid' => getenv('WECHATPAY_APPID') ?: 'wxd930ea5d5a258f4f',
    'mchId' => getenv('WECHATPAY_MCH_ID') ?: '10000100',
    // 商户平台 > API安全 > API密钥 (v2)
    'apiKey' => getenv('WECHATPAY_API_KEY') ?: '192006250b4c09247ec02edce69f6a2d',
    // where WeChat POSTs the notification (notify.php); no query string allowed
    'notifyUrl' => getenv('WECHATPAY_NOTIFY_URL') ?: 'https://merchant.example/wechatpay/notify.php',
    // the order book (../orders.php): a folder, or '' for none
    'orderDir' => getenv('WECHATPAY_ORDER_DIR') ?: '',
];
