package com.paysign;

import java.util.Arrays;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A signing or verification key: an MD5/HMAC secret, a PEM/DER private or public key, an X.509
 * certificate, a PKCS#12 (.pfx) file or Allinpay's exponent/modulus text. The core detects the
 * format.
 *
 * <p>A key is immutable and may be used by any number of threads at once; keep one per
 * merchant account for the life of the application (e.g. created in {@code Servlet.init()},
 * closed in {@code destroy()}). {@link #close()} waits for calls in progress, frees the native
 * key once, and is harmless to repeat; a closed key throws {@link IllegalStateException}.
 */
public final class Key implements AutoCloseable {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private long handle; // guarded by lock; 0 once closed

    private Key(long handle) {
        this.handle = handle;
    }

    /** An MD5/HMAC secret (the merchant key of 99bill MD5 mode, WeChat Pay, Dinpay, ...). */
    public static Key secret(String secret) {
        byte[] s = Strings.utf8(secret, "secret");
        try {
            return new Key(Native.keySecret(s));
        } finally {
            wipe(s);
        }
    }

    /**
     * A key or certificate from bytes: PEM, DER, PKCS#12 or Allinpay's exponent/modulus text.
     * {@code password} is for PKCS#12 and encrypted PEM; null when none.
     */
    public static Key load(byte[] data, String password) {
        byte[] p = Strings.utf8(password, "password");
        try {
            return new Key(Native.keyLoad(data, p));
        } finally {
            wipe(p);
        }
    }

    /** {@link #load} from a file; an unreadable file is {@link PaySignException#IO_ERROR}. */
    public static Key fromFile(String path, String password) {
        byte[] p = Strings.utf8(password, "password");
        try {
            return new Key(Native.keyLoadFile(Strings.utf8(path, "path"), p));
        } finally {
            wipe(p);
        }
    }

    /**
     * A gateway's public certificate or key compiled into the core, by name (see
     * {@link PaySign#builtinKeys()}: {@code 99bill.production}, {@code 99bill.sandbox},
     * {@code alipay.sandbox}, ...). An unknown name is {@link PaySignException#INVALID_ARGUMENT}
     * with the known names in the message. An expired certificate still loads and verifies what
     * was signed with it.
     */
    public static Key builtin(String name) {
        return new Key(Native.keyBuiltin(Strings.utf8(name, "name")));
    }

    private static void wipe(byte[] b) {
        if (b != null) {
            Arrays.fill(b, (byte) 0);
        }
    }

    /** Pins the native key for one call; pair with {@link #release()}. */
    long acquire() {
        lock.readLock().lock();
        if (handle == 0) {
            lock.readLock().unlock();
            throw new IllegalStateException("paysign: the key is closed");
        }
        return handle;
    }

    void release() {
        lock.readLock().unlock();
    }

    public boolean isClosed() {
        lock.readLock().lock();
        try {
            return handle == 0;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Frees the native key. Idempotent and thread-safe. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (handle != 0) {
                long h = handle;
                handle = 0;
                Native.keyFree(h);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Safety net for keys that were never closed (Java 8 has no Cleaner). */
    @Override
    protected void finalize() throws Throwable {
        try {
            close();
        } finally {
            super.finalize();
        }
    }

    @Override
    public String toString() {
        return isClosed() ? "paysign.Key[closed]" : "paysign.Key";
    }
}
