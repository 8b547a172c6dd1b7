--TEST--
wechat_refund_decrypt() on testdata/wechatpay; JSAPI paySign; wrong key, cut short, altered
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/paysign_test.inc';
$d = paysign_root() . '/testdata/wechatpay/';
$gopay = PaySign\Key::secret('ziR0QKsTUfMOuochC9RfCdmfHECorQAP');
$other = PaySign\Key::secret('GFDS8j98rewnmgl45wHTt980jg543wmg');
$body = file_get_contents($d . 'derived_refund_notify.xml');

$f = PaySign\wechat_refund_decrypt($body, $gopay);
var_dump(count($f), array_slice(array_keys($f), 0, 5), isset($f['req_info']));
var_dump($f['out_refund_no'], $f['refund_status'], $f['refund_fee'], $f['refund_recv_accout'], $f['success_time']);
$full = PaySign\wechat_refund_decrypt(file_get_contents($d . 'derived_fullpad_notify.xml'), $other);
var_dump(count($full), $full['refund_status']);

preg_match('/<req_info><!\[CDATA\[(.*?)\]\]>/', $body, $m);
$ri = $m[1];
$with = function ($x) use ($body, $ri) { return str_replace($ri, $x, $body); };
$ct = base64_decode($ri);
echo 'wrong key: ', code_of(function () use ($body, $other) { return PaySign\wechat_refund_decrypt($body, $other); }), "\n";
try {
    PaySign\wechat_refund_decrypt($body, $other);
} catch (PaySign\Exception $e) {
    var_dump(strpos($e->getMessage(), 'req_info') !== false, strpos($e->getMessage(), 'GFDS8j98') === false);
}
echo 'cut to 830 bytes: ', code_of(function () use ($with, $ct, $gopay) { return PaySign\wechat_refund_decrypt($with(base64_encode(substr($ct, 0, 830))), $gopay); }), "\n";
echo 'last block dropped: ', code_of(function () use ($with, $ct, $gopay) { return PaySign\wechat_refund_decrypt($with(base64_encode(substr($ct, 0, 816))), $gopay); }), "\n";
echo 'first block altered: ', code_of(function () use ($with, $ct, $gopay) { $c = $ct; $c[3] = chr(ord($c[3]) ^ 1); return PaySign\wechat_refund_decrypt($with(base64_encode($c)), $gopay); }), "\n";
echo 'empty req_info: ', code_of(function () use ($with, $gopay) { return PaySign\wechat_refund_decrypt($with(''), $gopay); }), "\n";
echo 'not base64: ', code_of(function () use ($with, $gopay) { return PaySign\wechat_refund_decrypt($with('not base64!'), $gopay); }), "\n";
echo 'body cut short: ', code_of(function () use ($body, $gopay) { return PaySign\wechat_refund_decrypt(substr($body, 0, -3), $gopay); }), "\n";
$cert = PaySign\Key::fromFile(paysign_root() . '/testdata/vectors/keys/99bill.cert.rsa.20340630.cer');
echo 'certificate as key: ', code_of(function () use ($body, $cert) { return PaySign\wechat_refund_decrypt($body, $cert); }), "\n";
$gopay->close();
echo 'closed key: ', code_of(function () use ($body, $gopay) { return PaySign\wechat_refund_decrypt($body, $gopay); }), "\n";

$k = PaySign\Key::secret('192006250b4c09247ec02edce69f6a2d');
$js = array('appId' => 'wx2421b1c4370ec43b', 'timeStamp' => '1395712654', 'nonceStr' => 'e61463f8efa94090b1f366cccfbbb444',
            'package' => 'prepay_id=u802345jgfjsdfgsdg888', 'signType' => 'HMAC-SHA256');
$signed = PaySign\sign_params('wechatpay.jsapi.paysign', $js, $k);
var_dump($signed['paySign'], PaySign\verify('wechatpay.jsapi.paysign', $signed, $k));
$signed['nonceStr'] = 'e61463f8efa94090b1f366cccfbbb445';
var_dump(PaySign\verify('wechatpay.jsapi.paysign', $signed, $k));
?>
--EXPECT--
int(17)
array(5) {
  [0]=>
  string(11) "return_code"
  [1]=>
  string(5) "appid"
  [2]=>
  string(6) "mch_id"
  [3]=>
  string(9) "nonce_str"
  [4]=>
  string(13) "out_refund_no"
}
bool(false)
string(32) "50fd012ed1b311e7af7800163e32c503"
string(7) "SUCCESS"
string(1) "6"
string(18) "支付用户零钱"
string(19) "2017-11-25 15:36:17"
int(6)
string(6) "CHANGE"
wrong key: 23
bool(true)
bool(true)
cut to 830 bytes: 23
last block dropped: 23
first block altered: 23
empty req_info: 13
not base64: 14
body cut short: 16
certificate as key: 21
closed key: 11
string(64) "09064E137ACF9AEAA1B73E43E70968EC55B3952D4BC0A6FCEBB6F86FB2912319"
bool(true)
bool(false)
