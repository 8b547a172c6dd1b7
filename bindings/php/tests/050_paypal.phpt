--TEST--
PayPal IPN: postback bytes, verdicts, merchant checks and charset-decoded fields (testdata/paypal, sources in ipn.json)
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/paysign_test.inc';
$d = paysign_root() . '/testdata/paypal/';
$doc = json_decode(file_get_contents($d . 'ipn.json'), true);

/* every recorded body: the postback equals expect_postback and the fields expect_fields */
$ok = 0;
foreach ($doc['cases'] as $case) {
    $body = file_get_contents($d . $case['id'] . '.body');
    if ($body !== $case['body']) {
        echo $case['id'], ": .body file differs from ipn.json\n";
        continue;
    }
    if (PaySign\paypal_postback($body) !== $case['expect_postback']) {
        echo $case['id'], ": postback differs\n";
        continue;
    }
    foreach ($case['expect_fields'] as $name => $value) {
        $got = PaySign\paypal_field($body, $name);
        if ($got !== $value) {
            echo $case['id'], ": $name is ", var_export($got, true), "\n";
            continue 2;
        }
    }
    $ok++;
}
echo "cases: $ok of ", count($doc['cases']), "\n";

$body = file_get_contents($d . 'offsite-web-accept.body');
$pb = PaySign\paypal_postback($body);
var_dump($pb === 'cmd=_notify-validate&' . $body);
echo substr($pb, 0, 42), "\n";
echo 'not form: ', code_of(function () { return PaySign\paypal_postback('a=1 2'); }), "\n";
echo 'cmd already: ', code_of(function () use ($pb) { return PaySign\paypal_postback($pb); }), "\n";

/* PayPal's answer */
var_dump(PaySign\paypal_verdict('VERIFIED'));
foreach (['INVALID', '<html><body>Service unavailable</body></html>', ''] as $answer) {
    try {
        PaySign\paypal_verdict($answer);
        echo "no exception\n";
    } catch (PaySign\Exception $e) {
        echo var_export(substr($answer, 0, 6), true), ': ', $e->getCode(), ' ', $e->getStatusName(), "\n";
    }
}

/* the merchant's checks, as a string and as an array */
var_dump(PaySign\paypal_check($body, 'receiver_email=tobi%40leetsoft.com&amount=500.00&currency=CAD&sandbox=1'));
var_dump(PaySign\paypal_check($body, ['receiver_id' => 'UQ8PDYXJZQD9Y', 'payment_status' => 'Completed']));
var_dump(PaySign\paypal_check($body));
foreach (['amount=5.00', 'currency=USD', 'sandbox=0', 'receiver_email=other%40example.com'] as $opt) {
    try {
        PaySign\paypal_check($body, $opt);
        echo "$opt: no exception\n";
    } catch (PaySign\Exception $e) {
        echo "$opt: ", $e->getCode(), ' ', $e->getMessage(), "\n";
    }
}
echo 'absent: ', code_of(function () { return PaySign\paypal_check('mc_gross=1.00', 'receiver_email=a%40b.c'); }), "\n";
echo 'unknown option: ', code_of(function () use ($body) { return PaySign\paypal_check($body, 'colour=red'); }), "\n";

/* fields decoded by the body's charset (windows-1252 when absent) */
echo PaySign\paypal_field($body, 'txn_id'), "\n";
echo PaySign\paypal_field(file_get_contents($d . 'derived-windows-1252.body'), 'first_name'), "\n";
echo bin2hex(PaySign\paypal_field(file_get_contents($d . 'derived-gb2312.body'), 'first_name')), "\n";
echo PaySign\paypal_field(file_get_contents($d . 'derived-utf-8.body'), 'first_name'), "\n";
echo 'missing: ', code_of(function () use ($body) { return PaySign\paypal_field($body, 'no_such_field'); }), "\n";
echo 'nul name: ', code_of(function () use ($body) { return PaySign\paypal_field($body, "txn_id\0x"); }), "\n";
?>
--EXPECT--
cases: 6 of 6
bool(true)
cmd=_notify-validate&mc_gross=500.00&addre
not form: 16
cmd already: 14
NULL
'INVALI': 1 PAYSIGN_BAD_SIGNATURE
'<html>': 16 PAYSIGN_MALFORMED_INPUT
'': 16 PAYSIGN_MALFORMED_INPUT
NULL
NULL
NULL
amount=5.00: 14 field 'mc_gross': is '500.00', expected '5.00'
currency=USD: 14 field 'mc_currency': is 'CAD', expected 'USD'
sandbox=0: 14 field 'test_ipn': is 1 (a sandbox notification) but the merchant is configured for live
receiver_email=other%40example.com: 14 field 'receiver_email': is not the merchant's configured value
absent: 13
unknown option: 11
6G996328CK404320L
José Müller
e4bda0e5a5bd
José 你好
missing: 13
nul name: 11
