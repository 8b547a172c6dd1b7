#!/usr/bin/env bash
# tests/c/test_wechat.c (WeChat Pay v2 refund decryption, JSAPI paySign), also under valgrind: run_suite.sh.
root=$(cd "$(dirname "$0")/../.." && pwd)
exec "$root/tests/c/run_suite.sh" wechat "$root/testdata/wechatpay"
