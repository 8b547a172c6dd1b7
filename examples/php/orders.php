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
