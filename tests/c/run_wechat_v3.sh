#!/usr/bin/env bash
# tests/c/test_wechat_v3.c (WeChat Pay API v3), also under valgrind: run_suite.sh.
root=$(cd "$(dirname "$0")/../.." && pwd)
exec "$root/tests/c/run_suite.sh" wechat_v3 "$root/testdata/wechat_v3"
