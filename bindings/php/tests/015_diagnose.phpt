--TEST--
diagnose(), diagnose_sign(): the JSON report decoded to an array; verdicts, causes, errors
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/paysign_test.inc';
$keys = paysign_vectors_dir() . '/keys';

// WeChat notify (XML, MD5): untampered, then total_fee changed
$wx = paysign_vector_case('wechatpay.json', 'wechat-notify-xml-md5-derived');
$secret = $wx['key']['secret'];
$k = PaySign\Key::secret($secret);
$r = PaySign\diagnose('wechatpay.notify', $wx['body'], $k, 'xml', 'utf-8');
var_dump(is_array($r), $r['mode'], $r['verdict'], $r['cause'], $r['status']);
var_dump(strpos($r['sign_string'], 'key=***') !== false, strpos(json_encode($r), $secret) === false);
$tampered = str_replace('<total_fee>1</total_fee>', '<total_fee>2</total_fee>', $wx['body']);
var_dump($tampered !== $wx['body']);
$r = PaySign\diagnose('wechatpay.notify', $tampered, $k, 'xml');
var_dump($r['verdict'], $r['status'], $r['cause'], $r['confirmed'], is_string($r['explanation']));
var_dump(is_array($r['warnings']), is_int($r['variants_tried']), $r['variants_tried'] <= $r['max_variants']);

// 99bill request signed with SHA-1, checked with hash=sha256: the cause is the digest
$kq = paysign_vector_case('99bill.json', '99bill-rsa-sha1-request-10012140356-pem');
$posted = PaySign\sign_params('99bill.pay.request', paysign_pairs($kq['params']),
    PaySign\Key::fromFile("$keys/99bill_10012140356.pem"), 'hash=sha1');
$body = http_build_query($posted, '', '&', PHP_QUERY_RFC3986);
$cert = PaySign\Key::fromFile("$keys/99bill_10012140356_cert.pem");
var_dump(PaySign\verify_body('99bill.pay.request', $body, $cert, 'form', null, 'hash=sha256'));
$r = PaySign\diagnose('99bill.pay.request', $body, $cert, 'form', null, 'hash=sha256');
var_dump($r['verdict'], $r['cause'], $r['confirmed'], $r['method'], $r['variant']['method'], $r['variant']['detail']['hash']);
var_dump(strlen(json_encode($r)) > 1024); // longer than the wrappers' usual first buffer
// options as an array, and the default format
var_dump(PaySign\diagnose('99bill.pay.request', $body, $cert, 'form', null, array('hash' => 'sha256'))['cause']);
var_dump(PaySign\diagnose('99bill.pay.request', $body, $cert, 'form', null, array('hash' => 'sha1'))['verdict']);
// no key: a report that says what is missing, not an exception
$r = PaySign\diagnose('99bill.pay.request', $body);
var_dump($r['verdict'], $r['status'], $r['key']);

// a report longer than the first buffer (16 KiB): fetched again at its full size
$n = PaySign\sign_params('wechatpay.notify', array('appid' => 'wx1', 'attach' => str_repeat('长', 8000), 'total_fee' => 1), $k);
$big = http_build_query(array('total_fee' => 2) + $n);
$r = PaySign\diagnose('wechatpay.notify', $big, $k);
var_dump($r['verdict'], strlen($r['sign_string']) > 24000, strlen(json_encode($r, JSON_UNESCAPED_UNICODE)) > 16384);

// sign mode: does paysign sign what the merchant signed?
$req = array('appid' => 'wxd930ea5d5a258f4f', 'mch_id' => '10000100', 'nonce_str' => 'n1', 'body' => 'test');
$signed = PaySign\sign_params('wechatpay.request', $req, $k);
$r = PaySign\diagnose_sign('wechatpay.request', http_build_query($signed), $k);
var_dump($r['mode'], $r['verdict'], $r['cause'], $r['paysign_signature'] === $signed['sign']);
$signed['sign'] = strtolower($signed['sign']);
$r = PaySign\diagnose_sign('wechatpay.request', http_build_query($signed), $k);
var_dump($r['mode'], $r['cause']);

// a body that does not decode is in the report, not thrown
$r = PaySign\diagnose('wechatpay.notify', '<xml><a>1</b></xml>', $k, 'xml');
var_dump($r['verdict'], $r['status']);

// bad arguments throw, with the status as the code
echo 'unknown profile: ', code_of(function () use ($k) { return PaySign\diagnose('no.such.profile', 'a=1', $k); }), "\n";
echo 'unknown option: ', code_of(function () use ($k) { return PaySign\diagnose('wechatpay.notify', 'a=1', $k, 'form', null, 'colour=red'); }), "\n";
echo 'unknown format: ', code_of(function () use ($k) { return PaySign\diagnose_sign('wechatpay.notify', 'a=1', $k, 'yaml'); }), "\n";
echo 'unknown charset: ', code_of(function () use ($k) { return PaySign\diagnose('wechatpay.notify', 'a=1', $k, 'form', 'latin-42'); }), "\n";
echo 'NUL in profile: ', code_of(function () use ($k) { return PaySign\diagnose("wechatpay.notify\0x", 'a=1', $k); }), "\n";
echo 'options type: ', code_of(function () use ($k) { return PaySign\diagnose('wechatpay.notify', 'a=1', $k, 'form', null, 42); }), "\n";
$closed = PaySign\Key::secret('x');
$closed->close();
echo 'closed key: ', code_of(function () use ($closed) { return PaySign\diagnose('wechatpay.notify', 'a=1', $closed); }), "\n";
?>
--EXPECT--
bool(true)
string(6) "verify"
string(5) "valid"
NULL
string(10) "PAYSIGN_OK"
bool(true)
bool(true)
bool(true)
string(7) "invalid"
string(21) "PAYSIGN_BAD_SIGNATURE"
string(4) "none"
bool(false)
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
string(7) "invalid"
string(6) "digest"
bool(true)
string(13) "SHA256withRSA"
string(11) "SHA1withRSA"
string(4) "sha1"
bool(true)
string(6) "digest"
string(5) "valid"
string(5) "error"
string(21) "PAYSIGN_NULL_ARGUMENT"
NULL
string(7) "invalid"
bool(true)
bool(true)
string(4) "sign"
string(5) "valid"
NULL
bool(true)
string(4) "sign"
string(8) "hex_case"
string(5) "error"
string(23) "PAYSIGN_MALFORMED_INPUT"
unknown profile: 12
unknown option: 11
unknown format: 11
unknown charset: 11
NUL in profile: 11
options type: TypeError: PaySign\diagnose(): Argument #6 ($options) must be of type array|string|null, int given
closed key: 11
