--TEST--
Key::builtin(), builtin_keys(), alipay_notify_verify_url()
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/paysign_test.inc';

$names = PaySign\builtin_keys();
var_dump(is_array($names), count($names) >= 3, array_values($names) === $names);
var_dump(in_array('allinpay.gateway', $names, true), in_array('99bill.production', $names, true));
var_dump(count(array_filter($names, function ($n) { return is_string($n) && $n !== '' && strpos($n, "\n") === false; })) === count($names));
// every listed name loads
$loaded = 0;
foreach ($names as $name) {
    if (PaySign\Key::builtin($name) instanceof PaySign\Key) {
        $loaded++;
    }
}
var_dump($loaded === count($names));

// 99bill's production certificate: a junk notification does not verify with it
$k = PaySign\Key::builtin('99bill.production');
var_dump($k instanceof PaySign\Key, $k->isClosed());
$junk = 'merchantAcctId=1001214035601&version=v2.0&language=1&signType=4&payType=00&orderId=1'
    . '&orderTime=20190220134835&orderAmount=1&dealId=1&dealTime=20190220134835&payAmount=1&payResult=10'
    . '&signMsg=' . rawurlencode(base64_encode(str_repeat("\x5a", 256)));
try {
    var_dump(PaySign\verify_body('99bill.pay.notify', $junk, $k, 'form', null, 'hash=sha256'));
} catch (PaySign\Exception $e) {
    echo 'error ', $e->getCode(), ': ', $e->getMessage() !== '' ? 'with a message' : 'no message', "\n";
}
// and a report names the built-in key
$r = PaySign\diagnose('99bill.pay.notify', $junk, $k, 'form', null, 'hash=sha256');
var_dump($r['verdict'] !== 'valid', $r['key']['builtin']);

// unknown name: code 11, and the message lists the known names
try {
    PaySign\Key::builtin('no.such.gateway');
} catch (PaySign\Exception $e) {
    var_dump($e->getCode(), $e->getCode() === PaySign\Exception::INVALID_ARGUMENT);
    var_dump(strpos($e->getMessage(), 'no.such.gateway') !== false, strpos($e->getMessage(), 'allinpay.gateway') !== false);
}
echo 'empty name: ', code_of(function () { return PaySign\Key::builtin(''); }), "\n";
echo 'NUL in name: ', code_of(function () { return PaySign\Key::builtin("99bill.production\0"); }), "\n";

// Alipay's notify_verify URL, notify_id percent-encoded
var_dump(PaySign\alipay_notify_verify_url('2088101122136241', 'ab+c'));
var_dump(PaySign\alipay_notify_verify_url('2088101122136241', 'ab+c')
    === 'https://mapi.alipay.com/gateway.do?service=notify_verify&partner=2088101122136241&notify_id=ab%2Bc');
echo 'NUL in notifyId: ', code_of(function () { return PaySign\alipay_notify_verify_url('2088101122136241', "a\0b"); }), "\n";
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
bool(false)
bool(true)
string(17) "99bill.production"
int(11)
bool(true)
bool(true)
bool(true)
empty name: 11
NUL in name: 11
string(98) "https://mapi.alipay.com/gateway.do?service=notify_verify&partner=2088101122136241&notify_id=ab%2Bc"
bool(true)
NUL in notifyId: 11
