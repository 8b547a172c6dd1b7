--TEST--
errors throw PaySign\Exception whose code is the paysign status
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/paysign_test.inc';
$keys = paysign_vectors_dir() . '/keys';
$wx = PaySign\Key::secret('192006250b4c09247ec02edce69f6a2d');

// unknown profile: 12, and the message names it
try {
    PaySign\sign('no.such.profile', array('a' => '1'), $wx);
} catch (PaySign\Exception $e) {
    var_dump($e->getCode(), $e->getCode() === PaySign\Exception::UNKNOWN_PROFILE);
    var_dump(strpos($e->getMessage(), 'no.such.profile') !== false);
    var_dump($e->getStatusName());
    var_dump($e instanceof Exception);
}

// junk key material: 20
var_dump(code_of(function () { return PaySign\Key::load('junk'); }));
var_dump(code_of(function () { return PaySign\Key::load(''); }));
// wrong PKCS#12 password: 20
var_dump(code_of(function () use ($keys) { return PaySign\Key::fromFile("$keys/99bill_10012140356.pfx", 'wrong'); }));
// missing file: 31
var_dump(code_of(function () use ($keys) { return PaySign\Key::fromFile("$keys/no-such-file.pem"); }));

// bad percent-encoding in a form body: 16
var_dump(code_of(function () use ($wx) { return PaySign\verify_body('wechatpay.notify', 'a=%zz&sign=00', $wx, 'form'); }));
// a duplicate field in a body for a non-99bill profile: 15
var_dump(code_of(function () use ($wx) { return PaySign\verify_body('wechatpay.notify', 'a=1&a=2', $wx, 'form'); }));
// bad XML: 16
var_dump(code_of(function () use ($wx) { return PaySign\verify_body('wechatpay.notify', '<xml><a>1</b></xml>', $wx, 'xml'); }));
// a 2 MiB body: 16, not a crash
var_dump(code_of(function () use ($wx) { return PaySign\verify_body('wechatpay.notify', str_repeat('a', 2 * 1024 * 1024), $wx, 'form'); }));

// unknown option, format, charset: 11
var_dump(code_of(function () use ($wx) { return PaySign\sign('wechatpay.request', array('a' => '1'), $wx, 'colour=red'); }));
var_dump(code_of(function () use ($wx) { return PaySign\verify_body('wechatpay.notify', 'a=1', $wx, 'yaml'); }));
var_dump(code_of(function () use ($wx) { return PaySign\verify_body('wechatpay.notify', 'a=1', $wx, 'form', 'latin-42'); }));

// no signature field: 13
var_dump(code_of(function () use ($wx) { return PaySign\verify('wechatpay.notify', array('a' => '1'), $wx); }));
// a public key cannot sign: 21
var_dump(code_of(function () use ($keys) {
    return PaySign\sign('99bill.pay.request', array('signType' => '4', 'orderId' => '1'), PaySign\Key::fromFile("$keys/99bill_10012140356_cert.pem"));
}));
?>
--EXPECT--
int(12)
bool(true)
bool(true)
string(23) "PAYSIGN_UNKNOWN_PROFILE"
bool(true)
int(20)
int(20)
int(20)
int(31)
int(16)
int(15)
int(16)
int(16)
int(11)
int(11)
int(11)
int(13)
int(21)
