#!/usr/bin/env bash
# tests/c/test_diagnose.c, also under valgrind: run_suite.sh.
root=$(cd "$(dirname "$0")/../.." && pwd)
exec "$root/tests/c/run_suite.sh" diagnose
