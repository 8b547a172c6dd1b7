<?php
/* Writes the query strings mix.lua and smoke.sh send: a 99bill notification signed with the
 * sandbox merchant's key (fields as in bindings/php/tests/examples.inc; RSA digest LOAD_HASH,
 * default sha256), the same with one byte of the signed payAmount changed, the same with
 * payAmount repeated at the end (the last wins), and the same with payAmount 6,000 digits long
 * (oversized, still under nginx's 8 KiB request line). */
$keys = $argv[1];
$dir = getenv('LOAD_DIR');
$pfx = PaySign\Key::fromFile("$keys/99bill_10012140356.pfx", '123456');
$notify = array(
    'merchantAcctId' => '1001214035601', 'version' => 'v2.0', 'language' => '1', 'signType' => '4',
    'payType' => '10', 'bankId' => 'CMB', 'orderId' => 'KQ20190220134835', 'orderTime' => '20190220134835',
    'orderAmount' => '100', 'dealId' => '2706411339', 'bankDealId' => '190220999001',
    'dealTime' => '20190220135012', 'payAmount' => '100', 'fee' => '1', 'payResult' => '10', 'errCode' => '',
);
$valid = http_build_query(PaySign\sign_params('99bill.pay.notify', $notify, $pfx, array('hash' => getenv('LOAD_HASH') ?: 'sha256')));
$tampered = str_replace('payAmount=100', 'payAmount=900', $valid);
if ($tampered === $valid) { fwrite(STDERR, "payAmount not found\n"); exit(1); }
file_put_contents("$dir/valid.query", $valid);
file_put_contents("$dir/tampered.query", $tampered);
file_put_contents("$dir/duplicated.query", $valid . '&payAmount=900');
file_put_contents("$dir/oversized.query", str_replace('payAmount=100', 'payAmount=' . str_repeat('9', 6000), $valid));
