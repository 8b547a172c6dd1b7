--TEST--
alipay_encrypt(), alipay_decrypt_response(): gopay's AES vector and the derived encrypted response (testdata/alipay)
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/paysign_test.inc';
$d = paysign_root() . '/testdata/alipay/';
/* gopay_aes.txt: key=, ciphertext=, plaintext= lines (SOURCES.md there). */
$v = array();
foreach (file($d . 'gopay_aes.txt', FILE_IGNORE_NEW_LINES) as $line) {
    list($name, $value) = explode('=', $line, 2);
    $v[$name] = $value;
}
$aes = PaySign\Key::secret($v['key']);
$wrong = PaySign\Key::secret('AAAAAAAAAAAAAAAAAAAAAA==');
$short = PaySign\Key::secret('c2hvcnQ=');
$cert = PaySign\Key::fromFile($d . 'derived_alipay_cert.crt');

var_dump(PaySign\alipay_encrypt($aes, $v['plaintext']) === $v['ciphertext']);
echo 'encrypt, short key: ', code_of(function () use ($short, $v) { return PaySign\alipay_encrypt($short, $v['plaintext']); }), "\n";
echo 'encrypt, certificate as AES key: ', code_of(function () use ($cert, $v) { return PaySign\alipay_encrypt($cert, $v['plaintext']); }), "\n";

$enc = file_get_contents($d . 'derived_encrypted_response.json');
$q = 'alipay.trade.query';
var_dump(PaySign\alipay_verify_response($enc, $q, $cert));
var_dump(PaySign\alipay_decrypt_response($enc, $q, $aes) === $v['plaintext']);
var_dump(PaySign\alipay_decrypt_response($enc, $q, $aes, ['charset' => 'utf-8']) === $v['plaintext']);

/* Tampered twin: one ciphertext byte; the signature fails and so does the decryption. */
$tampered = str_replace('MkvuiIZs', 'MkvuiIZt', $enc);
var_dump(PaySign\alipay_verify_response($tampered, $q, $cert));
echo 'tampered: ', code_of(function () use ($tampered, $q, $aes) { return PaySign\alipay_decrypt_response($tampered, $q, $aes); }), "\n";
$cut = str_replace('UGStlpvcg', 'UGTtlpvcg', $enc);
echo 'tampered last block: ', code_of(function () use ($cut, $q, $aes) { return PaySign\alipay_decrypt_response($cut, $q, $aes); }), "\n";
echo 'wrong key: ', code_of(function () use ($enc, $q, $wrong) { return PaySign\alipay_decrypt_response($enc, $q, $wrong); }), "\n";
echo 'short key: ', code_of(function () use ($enc, $q, $short) { return PaySign\alipay_decrypt_response($enc, $q, $short); }), "\n";
echo 'certificate as AES key: ', code_of(function () use ($enc, $q, $cert) { return PaySign\alipay_decrypt_response($enc, $q, $cert); }), "\n";
try {
    PaySign\alipay_decrypt_response(file_get_contents($d . 'derived_cert_mode_response.json'), $q, $aes);
} catch (PaySign\Exception $e) {
    echo 'plain node: ', $e->getCode(), ' ', strpos($e->getMessage(), 'alipay_trade_query_response') !== false ? 'names it' : $e->getMessage(),
        strpos($e->getMessage(), $v['key']) === false ? '' : ' LEAKS THE KEY', "\n";
}
echo 'sign_type option: ', code_of(function () use ($enc, $q, $aes) { return PaySign\alipay_decrypt_response($enc, $q, $aes, 'sign_type=RSA2'); }), "\n";
echo 'wrong method: ', code_of(function () use ($enc, $aes) { return PaySign\alipay_decrypt_response($enc, 'alipay.trade.pay', $aes); }), "\n";
echo 'NUL in method: ', code_of(function () use ($enc, $aes) { return PaySign\alipay_decrypt_response($enc, "a\0b", $aes); }), "\n";
$aes->close();
echo 'closed key: ', code_of(function () use ($aes, $v) { return PaySign\alipay_encrypt($aes, $v['plaintext']); }), "\n";
?>
--EXPECT--
bool(true)
encrypt, short key: 20
encrypt, certificate as AES key: 21
bool(true)
bool(true)
bool(true)
bool(false)
tampered: 23
tampered last block: 23
wrong key: 23
short key: 20
certificate as AES key: 21
plain node: 14 names it
sign_type option: 11
wrong method: 16
NUL in method: 11
closed key: 11
