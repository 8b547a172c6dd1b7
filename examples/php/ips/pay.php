<?php
/*
 * IPS 3.0 payment request: a form the payer's browser posts to ipayment.aspx. sign_params()
 * signs with the profile ips.pay.request (OrderEncodeType 5): md5 of billno<Billno>
 * currencytype<Currency_Type>amount<Amount>date<Date>orderencodetype<5> then the merchant
 * certificate, lowercase, in SignMD5. RetEncodeType 17 asks for MD5-signed returns. The wire is
 * GB2312: the form says so with accept-charset, the page itself stays UTF-8.
 */

declare(strict_types=1);

$config = require __DIR__ . '/config.php';

$no = 'I' . date('YmdHis') . bin2hex(random_bytes(2));
$amount = '0.01'; // yuan, sent and signed as this exact string
$fields = [
    'Mer_code' => $config['merCode'],
    'Billno' => $no,
    'Amount' => $amount,
    'Date' => date('Ymd'),
    'Currency_Type' => 'RMB',
    'Gateway_Type' => '01',
    'Lang' => 'GB',
    'Merchanturl' => $config['returnUrl'],
    'FailUrl' => $config['returnUrl'],
    'ErrorUrl' => '',
    'Attach' => '备注',
    'DispAmount' => $amount,
    'OrderEncodeType' => '5',
    'RetEncodeType' => '17',
    'Rettype' => '1', // 1: send the server notification to ServerUrl too
    'ServerUrl' => $config['serverUrl'],
];

if ($config['orderDir'] !== '') {
    require_once dirname(__DIR__) . '/orders.php';
    shop_order_save($config['orderDir'], ['orderId' => $no, 'amount' => $amount, 'status' => 'pending', 'notifications' => 0]);
}

$signed = PaySign\sign_params('ips.pay.request', $fields, PaySign\Key::secret($config['cert']));

$h = static function ($s): string {
    return htmlspecialchars((string) $s, ENT_QUOTES | ENT_HTML5, 'UTF-8');
};
header('Content-Type: text/html; charset=utf-8');
echo "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>IPS</title></head>\n<body>\n";
echo '<form name="ips" method="post" accept-charset="GB2312" action="', $h($config['gateway']), '">', "\n";
foreach ($signed as $name => $value) {
    echo '<input type="hidden" name="', $h($name), '" value="', $h($value), "\">\n";
}
echo "<button type=\"submit\">Pay with IPS</button>\n</form>\n</body></html>\n";
