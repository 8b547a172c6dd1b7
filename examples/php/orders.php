<?php
/*
 * The example shops' order book: one JSON file per order in a folder (orderDir), a stand-in
 * for the merchant's database. With it, the notification handlers (99bill/receive.php,
 * alipay/notify.php) do what a real handler must beyond the signature: the order exists, the
 * amount paid is the amount asked, and a repeated notification is handled once. Without it
 * (orderDir empty, the default) they can only check the signature, and say so in their log.
 */

declare(strict_types=1);

function shop_order_path(string $dir, string $orderId): string
{
    // orderId is the shop's own, but it comes back in a notification: never trust it as a path.
    return $dir . '/' . bin2hex($orderId) . '.json';
}

/** The order, or null when the shop never issued it. */
function shop_order_load(string $dir, string $orderId): ?array
{
    $data = @file_get_contents(shop_order_path($dir, $orderId));
    return $data === false ? null : json_decode($data, true);
}

function shop_order_save(string $dir, array $order): void
{
    if (!is_dir($dir)) {
        mkdir($dir, 0700, true);
    }
    $path = shop_order_path($dir, (string) $order['orderId']);
    file_put_contents($path . '.tmp', json_encode($order), LOCK_EX);
    rename($path . '.tmp', $path); // whole file or nothing, for a concurrent reader
}

/**
 * The order a notification names, when it is one this shop issued and $amount (the amount
 * the notification says was paid, in the order's own unit) is the amount asked; null (and a
 * log line naming $what) otherwise. $amount null: the amount is not compared.
 */
function shop_order_match(string $dir, string $what, string $orderId, ?string $amount): ?array
{
    $order = shop_order_load($dir, $orderId);
    if ($order === null) {
        error_log("$what for an order this shop never issued: $orderId");
        return null;
    }
    if ($amount !== null && $amount !== $order['amount']) {
        error_log("$what for order $orderId: amount $amount is not the order's {$order['amount']}");
        return null;
    }
    return $order;
}

/**
 * What a notification handler does after the signature: the order matches (shop_order_match),
 * and the first notification decides. Gateways repeat notifications; a repeat is counted and
 * changes nothing. False: reply as for a bad signature.
 */
function shop_order_settle(string $dir, string $what, string $orderId, ?string $amount, bool $paid, string $unpaid = 'failed'): bool
{
    $order = shop_order_match($dir, $what, $orderId, $amount);
    if ($order === null) {
        return false;
    }
    $order['notifications']++;
    if ($order['status'] === 'pending') {
        $order['status'] = $paid ? 'paid' : $unpaid;
    }
    shop_order_save($dir, $order);
    return true;
}

/**
 * What a query answer does (the merchant asks when no notification came, or to be sure): the
 * order it names matches (shop_order_match), and a pending order takes the answer's $status
 * ('paid', 'failed', 'closed'; null: no result yet); a settled order keeps its own. The order as
 * it is now, or null.
 */
function shop_order_confirm(string $dir, string $what, string $orderId, ?string $amount, ?string $status): ?array
{
    $order = shop_order_match($dir, $what, $orderId, $amount);
    if ($order !== null && $order['status'] === 'pending' && $status !== null) {
        $order['status'] = $status;
        shop_order_save($dir, $order);
    }
    return $order;
}
