--TEST--
UnionPay ACP sensitive fields: encryptCertId of the public test encryption certificate, randomised base64 of 256 bytes, round trip through openssl with our own pair, PIN block and customerInfo vectors (tests/unionpay_encrypt.rs), refusals
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/paysign_test.inc';
$u = paysign_root() . '/testdata/unionpay/';
$cert = file_get_contents($u . 'acp_test_enc.pem');
$pan = '6226388000000095';

/* Published: ACP test request logs send encryptCertId=68759622183 with acp_test_enc.cer. */
echo PaySign\unionpay_encrypt_cert_id($cert), "\n";
$pfx = file_get_contents(paysign_vectors_dir() . '/keys/unionpay_acp_test_sign_2021.pfx');
foreach ([$pfx, 'not a certificate', ''] as $bad) {
    try {
        PaySign\unionpay_encrypt_cert_id($bad);
        echo "no exception\n";
    } catch (PaySign\Exception $e) {
        echo $e->getCode(), ' ', $e->getStatusName(), ': ', $e->getMessage(), "\n";
    }
}

/* PKCS#1 v1.5 under the 2048-bit key: 256 bytes, 344 base64 characters, new each call. */
$a = PaySign\unionpay_encrypt($cert, $pan);
$b = PaySign\unionpay_encrypt($cert, $pan);
echo strlen($a), ' ', strlen(base64_decode($a, true)), ' ', var_export($a !== $b, true), "\n";
echo 'empty: ', code_of(function () use ($cert) { return PaySign\unionpay_encrypt($cert, ''); }), "\n";
echo '246 bytes: ', code_of(function () use ($cert) { return PaySign\unionpay_encrypt($cert, str_repeat('1', 246)); }), "\n";
echo 'junk cert: ', code_of(function () use ($pan) { return PaySign\unionpay_encrypt('junk', $pan); }), "\n";
echo strlen(PaySign\unionpay_encrypt_pin($cert, '123456', $pan)), "\n";
echo 'pin 123: ', code_of(function () use ($cert, $pan) { return PaySign\unionpay_encrypt_pin($cert, '123', $pan); }), "\n";

/* Round trip: OUR OWN key pair (not UnionPay's) made and used by the openssl CLI. */
$dir = sys_get_temp_dir() . '/paysign-acpenc-php-' . getmypid();
@mkdir($dir);
$q = escapeshellarg($dir);
exec("cd $q && openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 1 -subj '/CN=paysign test encryption' 2>/dev/null", $o, $rc);
echo 'own pair: ', $rc, "\n";
$decrypt = function ($sealed) use ($dir, $q) {
    file_put_contents("$dir/sealed.bin", base64_decode($sealed, true));
    return shell_exec("cd $q && openssl pkeyutl -decrypt -inkey key.pem -pkeyopt rsa_padding_mode:pkcs1 -in sealed.bin");
};
$own = file_get_contents("$dir/cert.pem");
echo $decrypt(PaySign\unionpay_encrypt($own, "$pan 张三")), "\n";
/* DERIVED (tests/unionpay_encrypt.rs, Python by the written rule): the ANSI X9.8 PIN block. */
echo bin2hex($decrypt(PaySign\unionpay_encrypt_pin($own, '123456', $pan))), "\n";
$text = base64_decode(PaySign\unionpay_customer_info(
    ['pin' => '123456', 'customerNm' => '张三', 'phoneNo' => '18100000000', 'cvn2' => '248'], '5.1.0', $own, $pan));
echo substr($text, 0, 5), bin2hex($decrypt(substr($text, 5, 344))), "\n";
$tail = substr($text, 5 + 344);
$mid = '&customerNm=张三&encryptedInfo=';
echo var_export(strpos($tail, $mid) === 0 && substr($tail, -1) === '}', true), ' ',
    $decrypt(substr($tail, strlen($mid), -1)), "\n";
array_map('unlink', glob("$dir/*"));
rmdir($dir);

/* customerInfo: DERIVED (tests/unionpay_encrypt.rs) and published {smsCode=111111}. */
$fields = ['certifTp' => '01', 'certifId' => '510265790128303', 'customerNm' => '张三',
    'phoneNo' => '18100000000', 'cvn2' => '248', 'expired' => '1711'];
echo PaySign\unionpay_customer_info($fields, '5.0.0'), "\n";
echo PaySign\unionpay_customer_info(['smsCode' => '111111'], '5.1.0'), "\n";
echo var_export(PaySign\unionpay_customer_info([], '5.0.0'), true), "\n";
echo 'no cert: ', code_of(function () use ($fields) { return PaySign\unionpay_customer_info($fields, '5.1.0'); }), "\n";
try {
    PaySign\unionpay_customer_info(['pin' => '123456'], '5.0.0', $cert);
} catch (PaySign\Exception $e) {
    echo $e->getCode(), ' ', var_export(strpos($e->getMessage(), "'accNo'") !== false, true), "\n";
}
echo '4.0.0: ', code_of(function () { return PaySign\unionpay_customer_info(['smsCode' => '1'], '4.0.0'); }), "\n";
echo 'junk cert: ', code_of(function () use ($fields) { return PaySign\unionpay_customer_info($fields, '5.1.0', 'junk'); }), "\n";
echo 'NUL in accNo: ', code_of(function () use ($cert) { return PaySign\unionpay_encrypt_pin($cert, '1234', "6226\0"); }), "\n";
?>
--EXPECT--
68759622183
20 PAYSIGN_KEY_ERROR: encryption certificate: not a PEM or DER X.509 certificate
20 PAYSIGN_KEY_ERROR: encryption certificate: not a PEM or DER X.509 certificate
20 PAYSIGN_KEY_ERROR: encryption certificate: not a PEM or DER X.509 certificate
344 256 true
empty: 14
246 bytes: 14
junk cert: 20
344
pin 123: 14
own pair: 0
6226388000000095 张三
061257defffffff6
{pin=061257defffffff6
true phoneNo=18100000000&cvn2=248
e2NlcnRpZlRwPTAxJmNlcnRpZklkPTUxMDI2NTc5MDEyODMwMyZjdXN0b21lck5tPeW8oOS4iSZwaG9uZU5vPTE4MTAwMDAwMDAwJmN2bjI9MjQ4JmV4cGlyZWQ9MTcxMX0=
e3Ntc0NvZGU9MTExMTExfQ==
''
no cert: 10
13 true
4.0.0: 14
junk cert: 20
NUL in accNo: 11
