--TEST--
a field array goes to the core in one packed buffer: empty arrays and values, non-ASCII, NUL refused naming the field, many fields, large values
--SKIPIF--
<?php if (!extension_loaded('paysign')) die('skip paysign not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/paysign_test.inc';
$dir = paysign_vectors_dir();

// WeChat Pay v2 (the shared vector's documented rule): sorted by name, empties dropped,
// "&key=SECRET" appended, MD5 in upper-case hex. Used to check requests no vector covers.
$wx = paysign_vector_case('wechatpay.json', 'wechat-doc-example-md5');
$secret = $wx['key']['secret'];
$k = PaySign\Key::secret($secret);
function wx_expected(array $params, $secret)
{
    ksort($params, SORT_STRING);
    $s = '';
    foreach ($params as $n => $v) {
        if ((string) $v !== '') {
            $s .= "$n=$v&";
        }
    }
    return strtoupper(md5($s . 'key=' . $secret));
}

// the vector itself
$p = paysign_pairs($wx['params']);
var_dump(PaySign\sign('wechatpay.request', $p, $k, $wx['options']) === $wx['expect_signature']);

// an empty array: nothing set, the core signs the empty request
var_dump(PaySign\sign_string('wechatpay.request', array(), $k, 'sign_type=MD5') === "key=$secret");
var_dump(PaySign\sign('wechatpay.request', array(), $k, 'sign_type=MD5'));
echo 'verify, empty array: ', code_of(function () use ($k) { return PaySign\verify('wechatpay.notify', array(), $k); }), "\n";

// empty values and non-ASCII values (a 31-field 99bill request, RSA): the vector's signature
foreach (array('99bill-rsa-sha256-request-10012140356-pem', '99bill-rsa-sha1-request-legacy-rc2-pfx') as $id) {
    $case = paysign_vector_case('99bill.json', $id);
    $key = PaySign\Key::fromFile("$dir/{$case['key']['file']}", $case['key']['password']);
    $params = paysign_pairs($case['params']);
    echo $id, ': ', PaySign\sign('99bill.pay.request', $params, $key, $case['options']) === $case['expect_signature'] ? 'signature ok' : 'WRONG',
        ', ', PaySign\sign_string('99bill.pay.request', $params, $key, $case['options']) === $case['expect_sign_string'] ? 'sign string ok' : 'WRONG', "\n";
    // sign_params gives back every field, in order, empties and non-ASCII included, plus the signature
    $posted = PaySign\sign_params('99bill.pay.request', $params, $key, $case['options']);
    var_dump(array_slice($posted, 0, count($params), true) === $params, end($posted) === $case['expect_signature']);
}
$empty = array('appid' => 'wx1', 'attach' => '', 'body' => '', 'nonce_str' => 'n');
var_dump(PaySign\sign('wechatpay.request', $empty, $k, 'sign_type=MD5') === wx_expected($empty, $secret));
$utf8 = array('appid' => 'wx1', 'body' => "腾讯充值中心-QQ会员充值 \u{1F600} é", 'nonce_str' => 'n');
var_dump(PaySign\sign('wechatpay.request', $utf8, $k, 'sign_type=MD5') === wx_expected($utf8, $secret));

// a NUL in a name or value is refused naming the field, wherever the field is
$long = $p + array_fill_keys(array_map(function ($i) { return "f$i"; }, range(1, 40)), 'x');
foreach (array('value' => array('f20' => "x\0y"), 'name' => array("f2\x001" => 'x')) as $what => $bad) {
    try {
        PaySign\sign('wechatpay.request', array_merge($long, $bad), $k, 'sign_type=MD5');
        echo "$what NUL: accepted\n";
    } catch (PaySign\Exception $e) {
        echo "$what NUL: ", $e->getCode(), ' ', $e->getMessage(), "\n";
    }
}
// invalid UTF-8 found by the core: the message names the field it is in, not a neighbour
try {
    PaySign\sign('wechatpay.request', array('appid' => 'wx1', 'mch_id' => "\xc3", 'body' => 'x'), $k, 'sign_type=MD5');
} catch (PaySign\Exception $e) {
    var_dump($e->getCode(), strpos($e->getMessage(), "field 'mch_id'") !== false, stripos($e->getMessage(), 'UTF-8') !== false);
}
// after a refused array the next call is whole
var_dump(PaySign\sign('wechatpay.request', $p, $k, $wx['options']) === $wx['expect_signature']);

// many fields (past the stack buffer): 3000 fields, ints among them
$many = $p;
for ($i = 0; $i < 3000; $i++) {
    $many[sprintf('f%04d', $i)] = $i % 3 ? "value $i" : $i;
}
var_dump(PaySign\sign('wechatpay.request', $many, $k, 'sign_type=MD5') === wx_expected($many, $secret));
var_dump(count(PaySign\sign_params('wechatpay.request', $many, $k, 'sign_type=MD5')) === count($many) + 1);

// large values: one of 1 MB (first field and later), non-ASCII
foreach (array(1, 5000, 1 << 20) as $size) {
    $big = array('attach' => str_repeat('é', $size)) + $p + array('zz' => str_repeat('z', $size));
    echo "value of $size: ", PaySign\sign('wechatpay.request', $big, $k, 'sign_type=MD5') === wx_expected($big, $secret) ? 'ok' : 'WRONG', "\n";
}
?>
--EXPECT--
bool(true)
bool(true)
string(32) "1526FD440C2A8E68F74374B33E8BDF73"
verify, empty array: 13
99bill-rsa-sha256-request-10012140356-pem: signature ok, sign string ok
bool(true)
bool(true)
99bill-rsa-sha1-request-legacy-rc2-pfx: signature ok, sign string ok
bool(true)
bool(true)
bool(true)
bool(true)
value NUL: 11 value of field "f20" contains a NUL byte
name NUL: 11 field name "f2" contains a NUL byte
int(11)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
value of 1: ok
value of 5000: ok
value of 1048576: ok
