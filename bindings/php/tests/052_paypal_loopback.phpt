--TEST--
PayPal IPN loopback: examples/php/paypal/ipn.php posts back to a local "PayPal" (php -S on 127.0.0.1) that answers VERIFIED only to paypal_postback()'s exact bytes
--SKIPIF--
<?php
if (!extension_loaded('paysign')) die('skip paysign not loaded');
if (!function_exists('proc_open')) die('skip proc_open disabled');
if (!is_file(rtrim(ini_get('extension_dir'), '/') . '/paysign.so')) die('skip paysign.so not in extension_dir');
?>
--FILE--
<?php
require __DIR__ . '/paysign_test.inc';
$root = paysign_root();
$so = rtrim(ini_get('extension_dir'), '/') . '/paysign.so';
$body = file_get_contents($root . '/testdata/paypal/offsite-web-accept.body');
$work = sys_get_temp_dir() . '/paysign-paypal-' . getmypid();
@mkdir($work, 0700, true);
file_put_contents("$work/expect", PaySign\paypal_postback($body));

/* a free loopback port: the kernel's pick, released just before php -S takes it */
$probe = stream_socket_server('tcp://127.0.0.1:0');
$port = (int) substr(strrchr(stream_socket_get_name($probe, false), ':'), 1);
fclose($probe);
$server = proc_open([PHP_BINARY, '-n', '-S', "127.0.0.1:$port", __DIR__ . '/paypal_fake.inc'],
    [0 => ['file', '/dev/null', 'r'], 1 => ['file', "$work/server.log", 'a'], 2 => ['file', "$work/server.log", 'a']],
    $pipes, $work, ['PAYPAL_FAKE_DIR' => $work]);
/* stopped and cleaned up however the test ends */
register_shutdown_function(function () use ($server, $work) {
    proc_terminate($server);
    proc_close($server);
    array_map('unlink', glob("$work/txn/*") ?: []);
    @rmdir("$work/txn");
    array_map('unlink', glob("$work/*") ?: []);
    @rmdir($work);
});
$up = false;
for ($i = 0; $i < 100 && !$up; $i++) { // at most 5 s
    usleep(50000);
    $c = @fsockopen('127.0.0.1', $port, $errno, $errstr, 0.2);
    if ($c) {
        fclose($c);
        $up = true;
    }
}
echo 'fake PayPal up: ', var_export($up, true), "\n";
$url = "http://127.0.0.1:$port/cgi-bin/webscr";

/* the listener under php-cli: body on stdin, settings in the environment, log on stderr */
function listener($so, $root, $work, $body, array $env)
{
    $cmd = [PHP_BINARY, '-n', '-d', "extension=$so", '-d', 'display_errors=stderr', '-d', 'max_execution_time=30',
        $root . '/examples/php/paypal/ipn.php'];
    $p = proc_open($cmd, [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $work,
        array_merge(['PAYPAL_TXN_DIR' => "$work/txn", 'PATH' => getenv('PATH')], $env));
    fwrite($pipes[0], $body);
    fclose($pipes[0]);
    $out = stream_get_contents($pipes[1]);
    $err = stream_get_contents($pipes[2]);
    fclose($pipes[1]);
    fclose($pipes[2]);
    $rc = proc_close($p);
    return "exit $rc, stdout " . var_export($out, true) . ', ' . trim(preg_replace('/^.*PayPal IPN: /m', '', $err));
}
function received($work)
{
    $all = (string) @file_get_contents("$work/received");
    $bodies = [];
    while ($all !== '') {
        $nl = strpos($all, "\n");
        $n = (int) substr($all, 0, $nl);
        $bodies[] = substr($all, $nl + 1, $n);
        $all = (string) substr($all, $nl + 1 + $n + 1);
    }
    return $bodies;
}
function txns($work)
{
    $files = glob("$work/txn/*.json") ?: [];
    return implode(' ', array_map(function ($f) { return file_get_contents($f); }, $files));
}
$sandbox = ['PAYPAL_POSTBACK_URL' => $url, 'PAYPAL_RECEIVER_EMAIL' => 'tobi@leetsoft.com', 'PAYPAL_SANDBOX' => '1'];

echo '1 genuine: ', listener($so, $root, $work, $body, $sandbox), "\n";
$got = received($work);
echo '  PayPal received paypal_postback() byte for byte: ', var_export(end($got) === PaySign\paypal_postback($body), true), "\n";
echo '  recorded: ', txns($work), "\n";
echo '2 resent: ', listener($so, $root, $work, $body, $sandbox), "\n";
echo '3 altered amount: ', listener($so, $root, $work, str_replace('mc_gross=500.00', 'mc_gross=5.00', $body), $sandbox), "\n";
echo '4 another seller: ', listener($so, $root, $work, $body, ['PAYPAL_RECEIVER_EMAIL' => 'shop@example.com'] + $sandbox), "\n";
echo '5 live shop, sandbox IPN: ', listener($so, $root, $work, $body, ['PAYPAL_SANDBOX' => '0'] + $sandbox), "\n";
echo '6 PayPal down: ', str_replace(":$port/", ':PORT/', listener($so, $root, $work, $body, ['PAYPAL_POSTBACK_URL' => "http://127.0.0.1:$port/down/cgi-bin/webscr"] + $sandbox)), "\n";
echo '7 not a form: ', listener($so, $root, $work, "a=1 2", $sandbox), "\n";
echo '  records: ', count(glob("$work/txn/*.json") ?: []), ', postbacks: ', count(received($work)), "\n";

/* the fake is strict: the same fields re-encoded from parsed values ($_POST) with
 * rawurlencode (space as %20, not +) get INVALID */
parse_str($body, $fields);
$rebuilt = 'cmd=_notify-validate&' . http_build_query($fields, '', '&', PHP_QUERY_RFC3986);
$ctx = stream_context_create(['http' => ['method' => 'POST', 'content' => $rebuilt, 'timeout' => 5,
    'header' => "Content-Type: application/x-www-form-urlencoded\r\n"]]);
echo 'rebuilt from $_POST (RFC 3986) differs: ', var_export($rebuilt !== PaySign\paypal_postback($body), true),
    ', answer: ', file_get_contents($url, false, $ctx), "\n";

?>
--EXPECT--
fake PayPal up: true
1 genuine: exit 0, stdout '', txn_id 6G996328CK404320L processed
  PayPal received paypal_postback() byte for byte: true
  recorded: {"txn_id":"6G996328CK404320L","mc_gross":"500.00","mc_currency":"CAD"}
2 resent: exit 0, stdout '', txn_id 6G996328CK404320L already processed; a repeat
3 altered amount: exit 0, stdout '', INVALID: not from PayPal or altered; nothing done
4 another seller: exit 0, stdout '', VERIFIED but refused: PAYSIGN_INVALID_FIELD: field 'receiver_email': is not the merchant's configured value
5 live shop, sandbox IPN: exit 0, stdout '', VERIFIED but refused: PAYSIGN_INVALID_FIELD: field 'test_ipn': is 1 (a sandbox notification) but the merchant is configured for live
6 PayPal down: exit 0, stdout '', no verdict (HTTP 503 from http://127.0.0.1:PORT/down/cgi-bin/webscr); answering 503 so that PayPal resends
7 not a form: exit 0, stdout '', not an IPN body: PAYSIGN_MALFORMED_INPUT: the IPN body is not form-encoded: byte 0x20 at offset 3 (field 'a')
  records: 1, postbacks: 6
rebuilt from $_POST (RFC 3986) differs: true, answer: INVALID
