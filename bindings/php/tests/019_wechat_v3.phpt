--TEST--
wechat_v3_authorization(), wechat_v3_verify(), wechat_v3_decrypt(), wechat_v3_client_sign() on testdata/wechat_v3
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/paysign_test.inc';
$d = paysign_root() . '/testdata/wechat_v3/';
$merchant = PaySign\Key::fromFile($d . 'merchant_private_key.pem');
$platform = PaySign\Key::fromFile($d . 'derived_platform_certificate.pem');
$pub = PaySign\Key::fromFile($d . 'wechat_pay_public_key.pem');
$ms = '5F1C72E2A8931B72A2E13AF8DEE92471EB397115';
$ps = '440024045C4A427599D09BB4E3DE0279F2E813FD';

/* DERIVED values: testdata/wechat_v3/SOURCES.md */
$h = PaySign\wechat_v3_authorization('GET', '/v3/certificates', '', '1900009191', $merchant, $ms, '1554208460', '593BEC0C930BF1AFEB40B4A08C8FB242');
echo substr($h, 0, 100), "\n";
var_dump(strpos($h, 'signature="Yql2HJi5R+/B/WzOlH5KqIUNOCTrECi808qopAT8Pk2v') !== false);
$g = PaySign\wechat_v3_authorization('POST', '/v3/pay/transactions/jsapi', '{}', '1900009191', $merchant, $ms);
var_dump(strlen($g) > 400 && strpos($g, 'serial_no="' . $ms . '"') !== false);
echo 'full url: ', code_of(function () use ($merchant, $ms) { return PaySign\wechat_v3_authorization('GET', 'https://api.mch.weixin.qq.com/v3/x', '', '1', $merchant, $ms); }), "\n";
echo 'no serial: ', code_of(function () use ($merchant) { return PaySign\wechat_v3_authorization('GET', '/v3/x', '', '1', $merchant); }), "\n";
echo 'NUL in url: ', code_of(function () use ($merchant, $ms) { return PaySign\wechat_v3_authorization('GET', "/v3/\0", '', '1', $merchant, $ms); }), "\n";

echo substr(PaySign\wechat_v3_client_sign('jsapi', 'wx8888888888888888', '1414561699', '5K8264ILTKCH16CQ2502SI8ZNMTM67VS', 'prepay_id=wx201410272009395522657a690389285100', $merchant), 0, 20), "\n";
echo substr(PaySign\wechat_v3_client_sign('app', 'wx8888888888888888', '1414561699', '5K8264ILTKCH16CQ2502SI8ZNMTM67VS', 'WX1217752501201407033233368018', $merchant), 0, 20), "\n";
echo 'h5: ', code_of(function () use ($merchant) { return PaySign\wechat_v3_client_sign('h5', 'a', '1', 'n', 'p', $merchant); }), "\n";
echo 'cert signs: ', code_of(function () use ($platform) { return PaySign\wechat_v3_client_sign('app', 'a', '1', 'n', 'p', $platform); }), "\n";

$sig = '1EvJteDDa9rMtZKZ3UIhZ7haTwr4WBBGjMv6MzOzOkZeyWcwPiVDskYxQuuhoGblfuPCnyTdfxpk9wA2D9vw2ft0PoNFJLOlnfQThcMkilX8YmRZMCPJsKJCvsxbqng386RjjFDn5RI95O6w5SJWgH/mDmD4CTpH+eCe8t+1eSv9hSldIPdQ62MkPDb0zXnn+4ul22CEbyJlvjePXp5o2jhK0zmkruBonu+s7jMNrZDL27X4svDINpf0gru8KVHnSrt56Q36Um2h3d8UtvspKtpfhaV0bukPPg+uur7Cq1wj2rbLyA0iDcCD/6cc4FSCeJC0+VR+bGULG3eDOdlmgA==';
$body = '{"code":"SUCCESS"}';
var_dump(PaySign\wechat_v3_verify('1700000000', 'nonce-resp-1', $sig, $ps, $body, $platform, 'now=1700000100'));
var_dump(PaySign\wechat_v3_verify('1700000000', 'nonce-resp-1', $sig, $ps, '{"code": "SUCCESS"}', $platform, ['now' => '1700000100']));
var_dump(PaySign\wechat_v3_verify('1700000000', 'nonce-resp-1', $sig, 'PUB_KEY_ID_0114232134912410000000000000', $body, $pub, 'now=1700000000'));
echo 'stale: ', code_of(function () use ($sig, $ps, $body, $platform) { return PaySign\wechat_v3_verify('1700000000', 'nonce-resp-1', $sig, $ps, $body, $platform); }), "\n";
echo 'wrong serial: ', code_of(function () use ($sig, $ms, $body, $platform) { return PaySign\wechat_v3_verify('1700000000', 'nonce-resp-1', $sig, $ms, $body, $platform, 'now=1700000000'); }), "\n";
echo 'bad option: ', code_of(function () use ($sig, $ps, $body, $platform) { return PaySign\wechat_v3_verify('1700000000', 'nonce-resp-1', $sig, $ps, $body, $platform, 'hash=sha1'); }), "\n";

$nb = file_get_contents($d . 'notification_body.json');
$nsig = 'PlgYBt3yb7VgF/MqvOndUqdXJ1pUR0dNGNA3J4SzGVj9vCgZwkBip/INP+7vMZY0oWhK1tfs37LJD1lAgDI5G86lNDiK7uJiNhkx9X7mi0iDsvudd7Qz/mQ5w/Zx/qdaYItczMWBG9zdBqnv1oVfoDntKbSmhM7LwyXeHj7vFs4pkUbmops6eB4ETgUQEpJi3FHoYTXge6jOjlHlRZqaAvZmY/COrJi4FCUGn4bgc6z1SiVMuv0PrSFS/NrbLIWySCkaecVdx8+z25ScxdWGVByB0i6GsKxOgBnW0pYRMwZKU5OFT2qCvyq7TEh9bHE/6YgHFKBeV1NY3MOndP/wPw==';
var_dump(PaySign\wechat_v3_verify('1700000000', 'c6a1d9a8d5f14b2f9e0e3a7b6c5d4e3f', $nsig, $ps, $nb, $platform, 'now=1700000042'));
$plain = PaySign\wechat_v3_decrypt($nb, 'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb');
var_dump($plain === file_get_contents($d . 'notification_plain.json'));
echo json_decode($plain, true)['trade_state'], "\n";
echo 'wrong key: ', code_of(function () use ($nb) { return PaySign\wechat_v3_decrypt($nb, 'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gc'); }), "\n";
echo 'short key: ', code_of(function () use ($nb) { return PaySign\wechat_v3_decrypt($nb, 'short'); }), "\n";
echo 'no resource: ', code_of(function () { return PaySign\wechat_v3_decrypt('{}', 'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb'); }), "\n";
/* Twins of the notification: one ciphertext byte changed, and the tag cut by one byte. */
function with_ciphertext($body, $edit) {
    $j = json_decode($body, true);
    $j['resource']['ciphertext'] = base64_encode($edit(base64_decode($j['resource']['ciphertext'])));
    return json_encode($j, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
}
$flipped = with_ciphertext($nb, function ($c) { $c[0] = chr(ord($c[0]) ^ 1); return $c; });
$cut = with_ciphertext($nb, function ($c) { return substr($c, 0, -1); });
echo 'tampered ciphertext: ', code_of(function () use ($flipped) { return PaySign\wechat_v3_decrypt($flipped, 'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb'); }), "\n";
echo 'truncated tag: ', code_of(function () use ($cut) { return PaySign\wechat_v3_decrypt($cut, 'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb'); }), "\n";
?>
--EXPECT--
WECHATPAY2-SHA256-RSA2048 mchid="1900009191",nonce_str="593BEC0C930BF1AFEB40B4A08C8FB242",signature=
bool(true)
bool(true)
full url: 11
no serial: 11
NUL in url: 11
Uvgm57c+/kZHCS8g8wjy
LUb6W20Ijj/Tf06cmW9Z
h5: 11
cert signs: 21
bool(true)
bool(false)
bool(true)
stale: 18
wrong serial: 21
bad option: 11
bool(true)
bool(true)
SUCCESS
wrong key: 23
short key: 20
no resource: 13
tampered ciphertext: 23
truncated tag: 23
