<?php
/*
 * Settings shared by pay.php, server.php and return.php, from the environment. The defaults
 * are IPS's demo merchant 000015 and its certificate text (Crasader/test2 IPSTest.php; see
 * docs/specs/ips.md); not a production certificate.
 */

return [
    // gateway: https://pay.ips.com.cn/ipayment.aspx (test host pay.ips.net.cn), or paysign simulate's
    'gateway' => getenv('IPS_GATEWAY') ?: 'https://pay.ips.net.cn/ipayment.aspx',
    'merCode' => getenv('IPS_MER_CODE') ?: '000015',
    'cert' => getenv('IPS_CERT') ?: 'GDgLwwdK270Qj1w4xho8lyTpRQZV9Jm5x4NwWOTThUa4fMhEBK9jOXFrKRT6xhlJuU2FEa89ov0ryyjfJuuPkcGzO5CeVx5ZIrkkt1aBlZV36ySvHOMcNv8rncRiy3DQ',
    // ServerUrl: IPS's server-to-server notification (a GET)
    'serverUrl' => getenv('IPS_SERVER_URL') ?: 'http://merchant.example/ips/server.php',
    // Merchanturl: the payer's browser afterwards, with the same fields
    'returnUrl' => getenv('IPS_RETURN_URL') ?: 'http://merchant.example/ips/return.php',
    // the order book (../orders.php): a folder, or '' for none
    'orderDir' => getenv('IPS_ORDER_DIR') ?: '',
];
