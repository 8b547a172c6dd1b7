/* A merchant's C program, built from the release bundle alone (tests/bundle/run.sh):
 *   cc verify_notify.c $(pkg-config --cflags --libs paysign)
 *   ./a.out PROFILE BODY-FILE SECRET-OR-KEYFILE [--file] [OPTIONS]
 * verifies one notification body and prints the status name, the header's and the loaded
 * library's versions. Exit 0 verified, 1 bad signature, 2 any error (its message printed). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "paysign.h"

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: %s PROFILE BODY-FILE SECRET|KEYFILE [--file] [OPTIONS]\n", argv[0]);
        return 2;
    }
    printf("header %s library %s\n", PAYSIGN_VERSION, paysign_version());
    FILE *f = fopen(argv[2], "rb");
    if (!f) { perror(argv[2]); return 2; }
    static unsigned char body[1 << 20];
    size_t len = fread(body, 1, sizeof body, f);
    fclose(f);
    int from_file = argc > 4 && strcmp(argv[4], "--file") == 0;
    const char *options = argc > 5 ? argv[5] : NULL;

    paysign_key *key = NULL;
    paysign_status st = from_file ? paysign_key_load_file(argv[3], NULL, &key)
                                  : paysign_key_secret(argv[3], &key);
    if (st == PAYSIGN_OK) {
        paysign_params *fields = NULL;
        st = paysign_verify_body(argv[1], options, body, len, "form", NULL, key, &fields);
        if (st == PAYSIGN_OK) {
            char order[128]; size_t n = 0;
            if (paysign_params_get(fields, "orderId", order, sizeof order, &n) == PAYSIGN_OK)
                printf("orderId %s\n", order);
        }
        paysign_params_free(fields);
    }
    paysign_key_free(key);
    printf("%s\n", paysign_status_name(st));
    if (st != PAYSIGN_OK && st != PAYSIGN_BAD_SIGNATURE) {
        char why[512];
        paysign_last_error(why, sizeof why);
        printf("error: %s\n", why);
        return 2;
    }
    return st == PAYSIGN_OK ? 0 : 1;
}
