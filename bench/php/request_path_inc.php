<?php
// Shared by bench/php/bench.php and request_path.php: the 99bill field orders, the demo's sign string,
// the hidden-field form a checkout page prints, and the timing loop.

function read_tsv(string $path): array
{
    $params = [];
    foreach (file($path, FILE_IGNORE_NEW_LINES) as $line) {
        [$name, $value] = explode("\t", $line, 2);
        $params[$name] = $value;
    }
    return $params;
}

const REQUEST_ORDER = [
    'inputCharset', 'pageUrl', 'bgUrl', 'version', 'language', 'signType', 'merchantAcctId',
    'payerName', 'payerContactType', 'payerContact', 'payerIdType', 'payerId', 'payerIP', 'orderId',
    'orderAmount', 'orderTime', 'orderTimestamp', 'productName', 'productNum', 'productId',
    'productDesc', 'ext1', 'ext2', 'payType', 'bankId', 'cardIssuer', 'cardNum', 'remitType',
    'remitCode', 'redoFlag', 'pid', 'submitType', 'orderTimeOut', 'mobileGateway', 'extDataType',
    'extDataContent',
];
const NOTIFY_ORDER = [
    'merchantAcctId', 'version', 'language', 'signType', 'payType', 'bankId', 'orderId', 'orderTime',
    'orderAmount', 'bindCard', 'bindMobile', 'dealId', 'bankDealId', 'dealTime', 'payAmount', 'fee',
    'ext1', 'ext2', 'payResult', 'aggregatePay', 'errCode',
];

function vendor_sign_string(array $order, array $p): string
{
    $s = '';
    foreach ($order as $name) {
        $value = $p[$name] ?? '';
        if ($value !== '') {
            $s .= $name . '=' . $value . '&';
        }
    }
    return substr($s, 0, -1);
}

function render_form(array $fields): string
{
    $html = '<form method="post" action="https://sandbox.99bill.com/gateway/recvMerchantInfoAction.htm">';
    foreach ($fields as $name => $value) {
        $html .= '<input type="hidden" name="' . htmlspecialchars($name) . '" value="' . htmlspecialchars($value) . '">';
    }
    return $html . '</form>';
}

/* ns per call: the fastest of three rounds of about 0.6 s, after a warm-up round. */
function measure_ns(callable $op): float
{
    $run = function (float $ns) use ($op): float {
        $n = 0;
        $start = hrtime(true);
        do {
            $op();
            $n++;
            $t = hrtime(true) - $start;
        } while ($t < $ns);
        return $t / $n;
    };
    $run(2e8);
    return min($run(6e8), $run(6e8), $run(6e8));
}
