--TEST--
verify_body(): raw bodies (form, xml, json), $params filled on true and null on false
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/paysign_test.inc';
$k = PaySign\Key::secret('192006250b4c09247ec02edce69f6a2d');
$n = PaySign\sign_params('wechatpay.notify', array(
    'appid' => 'wxd930ea5d5a258f4f', 'mch_id' => '10000100', 'nonce_str' => 'n1', 'attach' => '支付 测试+1',
    'out_trade_no' => '1409811653', 'result_code' => 'SUCCESS', 'return_code' => 'SUCCESS', 'total_fee' => 1,
), $k);

// form body, '+' for spaces
$form = http_build_query($n);
$out = 'untouched';
var_dump(PaySign\verify_body('wechatpay.notify', $form, $k, 'form', null, null, $out));
var_dump($out === $n);
// the same fields as XML
$xml = '<xml>';
foreach ($n as $name => $value) {
    $xml .= "<$name><![CDATA[$value]]></$name>";
}
$xml .= '</xml>';
var_dump(PaySign\verify_body('wechatpay.notify', $xml, $k, 'xml', 'utf-8', null, $out), array_keys($out) === array_keys($n));
// and as JSON
var_dump(PaySign\verify_body('wechatpay.notify', json_encode($n), $k, 'json', null, null, $out), $out['attach']);

// tampered: false, and $params is set to null
$out = 'untouched';
var_dump(PaySign\verify_body('wechatpay.notify', str_replace('total_fee=1', 'total_fee=2', $form), $k, 'form', null, null, $out));
var_dump($out);
// without the by-reference argument
var_dump(PaySign\verify_body('wechatpay.notify', $form, $k));
// on an error $params is null too
$out = 'untouched';
try {
    PaySign\verify_body('wechatpay.notify', 'a=1&a=2', $k, 'form', null, null, $out);
} catch (PaySign\Exception $e) {
    var_dump($e->getCode(), $out);
}

// 99bill: the merchant's own bgUrl query first, 99bill's fields appended; the last orderId is signed
$md5 = PaySign\Key::secret('APPSECRET');
$kq = PaySign\sign_params('99bill.pay.notify', array(
    'merchantAcctId' => '1002109591401', 'version' => 'v2.0', 'language' => '1', 'signType' => '1',
    'payType' => '10', 'orderId' => 'KQ1', 'orderTime' => '20121103173413', 'orderAmount' => '20500',
    'dealId' => '783157316', 'dealTime' => '20121103173749', 'payAmount' => '20500', 'payResult' => '10',
), $md5);
$q = 'orderId=mine&' . http_build_query($kq);
var_dump(PaySign\verify_body('99bill.pay.notify', $q, $md5, 'form', null, null, $out), $out['orderId']);
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
string(15) "支付 测试+1"
bool(false)
NULL
bool(true)
int(15)
NULL
bool(true)
string(3) "KQ1"
