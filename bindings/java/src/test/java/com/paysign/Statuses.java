package com.paysign;

import static org.junit.Assert.fail;

/** Test helper: the status of the PaySignException a call throws (fails when it throws none). */
final class Statuses {
    private Statuses() {
    }

    static int statusOf(Runnable r) {
        try {
            r.run();
            fail("no exception");
            return 0;
        } catch (PaySignException e) {
            return e.getStatus();
        }
    }
}
