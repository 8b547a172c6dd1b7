#!/usr/bin/env bash
# tests/c/test_paypal.c (PayPal IPN postback, verdict, checks), also under valgrind: run_suite.sh.
root=$(cd "$(dirname "$0")/../.." && pwd)
exec "$root/tests/c/run_suite.sh" paypal "$root/testdata/paypal"
