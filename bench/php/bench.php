<?php
// bench/compare.sh, PHP: the paysign extension against the code a 99bill PHP merchant kit has
// a merchant write (string building, then md5() or openssl_sign()/openssl_verify()), on the
// same request and notification. Written for this benchmark in the kit's style.
//
//   php -n -d extension=openssl -d extension=PATH/paysign.so bench.php INPUT_DIR KEYS_DIR
//
// Prints "<operation> vendor <ns per op>" and "<operation> paysign <ns per op>", the fastest
// of three rounds of about 0.4 s after a warm-up round.

require __DIR__ . '/request_path_inc.php'; // read_tsv, the field orders, vendor_sign_string

[$dir, $keys] = [$argv[1], $argv[2]];

function measure(string $name, string $who, callable $op): void
{
    $run = function (float $ns) use ($op): float {
        $n = 0;
        $start = hrtime(true);
        do {
            for ($i = 0; $i < 16; $i++) {
                $op();
            }
            $n += 16;
            $t = hrtime(true) - $start;
        } while ($t < $ns);
        return $t / $n;
    };
    $run(2e8);
    $best = min($run(4e8), $run(4e8), $run(4e8));
    printf("%s %s %.0f\n", $name, $who, $best);
}

$request = read_tsv("$dir/request.tsv");
$md5_request = read_tsv("$dir/md5_request.tsv");
$notify = read_tsv("$dir/notify.tsv");
$secret = trim(file_get_contents("$dir/md5_secret.txt"));
$pem = file_get_contents("$keys/99bill_10012140356.pem");
$cert_pem = file_get_contents("$keys/99bill_10012140356_cert.pem");

// Keys loaded once, as a long-running site would.
$vendor_private = openssl_pkey_get_private($pem);
$vendor_public = openssl_pkey_get_public($cert_pem);
$ps_private = PaySign\Key::load($pem);
$ps_public = PaySign\Key::load($cert_pem);
$ps_secret = PaySign\Key::secret($secret);

$vendor_md5 = fn() => strtoupper(md5(vendor_sign_string(REQUEST_ORDER, $md5_request) . '&key=' . $secret));
$paysign_md5 = fn() => PaySign\sign('99bill.pay.request', $md5_request, $ps_secret);
$vendor_rsa = function () use ($request, $vendor_private) {
    openssl_sign(vendor_sign_string(REQUEST_ORDER, $request), $sig, $vendor_private, OPENSSL_ALGO_SHA256);
    return base64_encode($sig);
};
$paysign_rsa = fn() => PaySign\sign('99bill.pay.request', $request, $ps_private, 'hash=sha256');
$vendor_verify = fn() => openssl_verify(
    vendor_sign_string(NOTIFY_ORDER, $notify),
    base64_decode($notify['signMsg']),
    $vendor_public,
    OPENSSL_ALGO_SHA256
) === 1;
$paysign_verify = fn() => PaySign\verify('99bill.pay.notify', $notify, $ps_public, 'hash=sha256');

// Both sides must compute the same thing before they are timed.
if ($vendor_md5() !== $paysign_md5() || $vendor_rsa() !== $paysign_rsa() || !$vendor_verify() || !$paysign_verify()) {
    fwrite(STDERR, "bench.php: the vendor code and paysign disagree\n");
    exit(1);
}

foreach ([
    ['md5-sign', $vendor_md5, $paysign_md5],
    ['rsa-sign-sha256', $vendor_rsa, $paysign_rsa],
    ['rsa-verify-sha256', $vendor_verify, $paysign_verify],
] as [$name, $vendor, $paysign]) {
    measure($name, 'vendor', $vendor);
    measure($name, 'paysign', $paysign);
}
