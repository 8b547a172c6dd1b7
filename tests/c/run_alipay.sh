#!/usr/bin/env bash
# tests/c/test_alipay.c (Alipay certificate SNs and responses), also under valgrind: run_suite.sh.
root=$(cd "$(dirname "$0")/../.." && pwd)
exec "$root/tests/c/run_suite.sh" alipay "$root/testdata/alipay"
