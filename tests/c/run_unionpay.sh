#!/usr/bin/env bash
# tests/c/test_unionpay.c (UnionPay certId and signPubKeyCert checks), also under valgrind: run_suite.sh.
root=$(cd "$(dirname "$0")/../.." && pwd)
exec "$root/tests/c/run_suite.sh" unionpay "$root/testdata/unionpay"
