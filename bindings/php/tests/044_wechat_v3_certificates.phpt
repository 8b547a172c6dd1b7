--TEST--
wechat_v3_certificates() on the SDK certificate download and the DERIVED two-entry body (testdata/wechat_v3)
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/paysign_test.inc';
$d = paysign_root() . '/testdata/wechat_v3/';
$k = 'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb';
$body = file_get_contents($d . 'sdk_certificate_download.json');
$list = json_decode(PaySign\wechat_v3_certificates($body, $k), true);
echo count($list), ' ', implode(',', array_keys($list[0])), "\n";
echo $list[0]['serial_no'], ' ', $list[0]['effective_time'], ' ', $list[0]['expire_time'], "\n";
var_dump($list[0]['pem'] === file_get_contents($d . 'downloaded_platform_certificate.pem'));

$two = json_decode(PaySign\wechat_v3_certificates(file_get_contents($d . 'derived_certificate_download.json'), $k), true);
echo $two[0]['serial_no'], ' ', $two[1]['serial_no'], "\n";
var_dump($two[1]['pem'] === file_get_contents($d . 'derived_platform_certificate.pem'));
/* the downloaded certificate verifies a response the WeChat Pay test key signed (RESP_SIG, DERIVED) */
$sig = '1EvJteDDa9rMtZKZ3UIhZ7haTwr4WBBGjMv6MzOzOkZeyWcwPiVDskYxQuuhoGblfuPCnyTdfxpk9wA2D9vw2ft0PoNFJLOlnfQThcMkilX8YmRZMCPJsKJCvsxbqng386RjjFDn5RI95O6w5SJWgH/mDmD4CTpH+eCe8t+1eSv9hSldIPdQ62MkPDb0zXnn+4ul22CEbyJlvjePXp5o2jhK0zmkruBonu+s7jMNrZDL27X4svDINpf0gru8KVHnSrt56Q36Um2h3d8UtvspKtpfhaV0bukPPg+uur7Cq1wj2rbLyA0iDcCD/6cc4FSCeJC0+VR+bGULG3eDOdlmgA==';
var_dump(PaySign\wechat_v3_verify('1700000000', 'nonce-resp-1', $sig, $two[1]['serial_no'], '{"code":"SUCCESS"}', PaySign\Key::load($two[1]['pem']), 'now=1700000000'));

$tampered = str_replace('E427EC"', 'E427ED"', $body);
try {
    PaySign\wechat_v3_certificates($tampered, $k);
} catch (PaySign\Exception $e) {
    echo $e->getCode(), ' ', $e->getMessage(), "\n";
}
echo 'wrong key: ', code_of(function () use ($body) { return PaySign\wechat_v3_certificates($body, 'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gc'); }), "\n";
echo 'empty data: ', code_of(function () use ($k) { return PaySign\wechat_v3_certificates('{"data":[]}', $k); }), "\n";
?>
--EXPECT--
1 serial_no,effective_time,expire_time,pem
5DEA10EF55877E3CF6C33255C2E7DEFFF7E427EC 2023-09-19T23:15:58+08:00 2028-09-17T23:15:58+08:00
bool(true)
5DEA10EF55877E3CF6C33255C2E7DEFFF7E427EC 440024045C4A427599D09BB4E3DE0279F2E813FD
bool(true)
bool(true)
21 data[0] (serial_no 5DEA10EF55877E3CF6C33255C2E7DEFFF7E427ED): the decrypted certificate's serial is 5DEA10EF55877E3CF6C33255C2E7DEFFF7E427EC
wrong key: 23
empty data: 13
