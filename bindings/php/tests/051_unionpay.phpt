--TEST--
UnionPay ACP: certId of the test PFX, 5.1.0 notification through root+middle, tampered twin, wrong chain, 5.0.0 by certId (testdata/unionpay, sources in SOURCES.md)
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/paysign_test.inc';
$u = paysign_root() . '/testdata/unionpay/';
$k = paysign_vectors_dir() . '/keys/';

/* certId: yansongda/pay sends certId=69903319369 with this PFX (testdata/vectors/unionpay.json) */
$pfx = PaySign\Key::fromFile($k . 'unionpay_acp_test_sign_2021.pfx', '000000');
$published = paysign_vector_case('unionpay.json', 'unionpay-5.1.0-web-pay-request-yansongda');
$certId = null;
foreach ($published['params'] as $p) {
    if ($p[0] === 'certId') {
        $certId = $p[1];
    }
}
echo PaySign\unionpay_cert_id($pfx), ' ', var_export(PaySign\unionpay_cert_id($pfx) === $certId, true), "\n";
echo PaySign\unionpay_cert_id(PaySign\Key::fromFile($k . 'unionpay_acp_test_sign_2015.pfx', '000000')), "\n";
echo PaySign\unionpay_cert_id(PaySign\Key::fromFile($k . 'unionpay_acp_test_verify_2020.pem')), "\n";
echo 'secret: ', code_of(function () { return PaySign\unionpay_cert_id(PaySign\Key::secret('k')); }), "\n";

/* 5.1.0: the UnionPay-signed front notification of 2017-10-30, checked at that time */
$root = file_get_contents($u . 'acp_test_root.pem');
$middle = file_get_contents($u . 'acp_test_middle.pem');
$body = file_get_contents($u . 'notify_5.1.0_wtz.txt');
$at2017 = ['now' => '1509400000', 'test_cn' => '1'];
var_dump(PaySign\unionpay_verify('unionpay.acp.notify', $body, $root, $middle, null, $at2017));
var_dump(PaySign\unionpay_verify('unionpay.acp.notify', $body, $root, $middle, null, 'now=1509400000&test_cn=1'));
$tampered = str_replace('orderId=20171030223623', 'orderId=20171030223624', $body);
var_dump($tampered !== $body);
var_dump(PaySign\unionpay_verify('unionpay.acp.notify', $tampered, $root, $middle, null, $at2017));
$fail = function ($label, $fn) {
    try {
        $fn();
        echo "$label: no exception\n";
    } catch (PaySign\Exception $e) {
        echo "$label: ", $e->getCode(), ' ', $e->getStatusName(), "\n";
        return $e->getMessage();
    }
};
$fail('root as middle', function () use ($body, $root, $at2017) {
    return PaySign\unionpay_verify('unionpay.acp.notify', $body, $root, $root, null, $at2017);
});
$fail('middle as root', function () use ($body, $middle, $at2017) {
    return PaySign\unionpay_verify('unionpay.acp.notify', $body, $middle, $middle, null, $at2017);
});
$m = $fail('test owner without test_cn', function () use ($body, $root, $middle) {
    return PaySign\unionpay_verify('unionpay.acp.notify', $body, $root, $middle, null, 'now=1509400000');
});
var_dump(strpos($m, '00040000:SIGN') !== false);
$m = $fail('expired today', function () use ($body, $root, $middle) {
    return PaySign\unionpay_verify('unionpay.acp.notify', $body, $root, $middle, null, 'test_cn=1');
});
var_dump(strpos($m, 'signPubKeyCert: valid from') !== false);
$fail('no chain', function () use ($body, $at2017) {
    return PaySign\unionpay_verify('unionpay.acp.notify', $body, null, null, null, $at2017);
});
$fail('not a UnionPay profile', function () use ($body, $root, $middle, $at2017) {
    return PaySign\unionpay_verify('alipay.mapi.notify', $body, $root, $middle, null, $at2017);
});
$fail('bad now', function () use ($body, $root, $middle) {
    return PaySign\unionpay_verify('unionpay.acp.notify', $body, $root, $middle, null, 'now=x');
});

/* 5.0.0: verified with the certificate certId names (DERIVED case of unionpay.json) */
$case = paysign_vector_case('unionpay.json', 'unionpay-5.0.0-back-notify-derived');
$pairs = [];
foreach ($case['params'] as $p) {
    $pairs[] = rawurlencode($p[0]) . '=' . rawurlencode($p[1]);
}
$v500 = implode('&', $pairs);
$cert = PaySign\Key::fromFile($k . 'unionpay_acp_test_sign_2021_cert.pem');
var_dump(PaySign\unionpay_verify('unionpay.acp.notify', $v500, null, null, $cert));
var_dump(PaySign\unionpay_verify('unionpay.acp.notify', str_replace('txnAmt=1&', 'txnAmt=100&', $v500), null, null, $cert));
$m = $fail('5.0.0 other certificate', function () use ($v500, $k) {
    return PaySign\unionpay_verify('unionpay.acp.notify', $v500, null, null,
        PaySign\Key::fromFile($k . 'unionpay_acp_test_verify_2020.pem'));
});
var_dump(strpos($m, 'names certificate 69903319369') !== false);
$closed = PaySign\Key::fromFile($k . 'unionpay_acp_test_sign_2021_cert.pem');
$closed->close();
echo 'closed key: ', code_of(function () use ($v500, $closed) {
    return PaySign\unionpay_verify('unionpay.acp.notify', $v500, null, null, $closed);
}), "\n";
?>
--EXPECT--
69903319369 true
68759663125
69678957876
secret: 21
bool(true)
bool(true)
bool(true)
bool(false)
root as middle: 24 PAYSIGN_UNTRUSTED_CERT
middle as root: 24 PAYSIGN_UNTRUSTED_CERT
test owner without test_cn: 24 PAYSIGN_UNTRUSTED_CERT
bool(true)
expired today: 24 PAYSIGN_UNTRUSTED_CERT
bool(true)
no chain: 10 PAYSIGN_NULL_ARGUMENT
not a UnionPay profile: 11 PAYSIGN_INVALID_ARGUMENT
bad now: 11 PAYSIGN_INVALID_ARGUMENT
bool(true)
bool(false)
5.0.0 other certificate: 21 PAYSIGN_KEY_MISMATCH
bool(true)
closed key: 11
