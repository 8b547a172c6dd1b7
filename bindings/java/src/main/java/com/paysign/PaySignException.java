package com.paysign;

import java.nio.charset.StandardCharsets;

/**
 * An error reported by the paysign core: a bad argument, an unknown profile, a malformed body,
 * an unreadable key... A signature that does not match is <em>not</em> an exception:
 * {@link PaySign#verify} and {@link PaySign#verifyBody} return {@code false} for it.
 *
 * <p>Unchecked on purpose: a servlet's {@code doGet}/{@code doPost} may only throw
 * {@code ServletException} and {@code IOException}, and these errors mean misconfiguration or a
 * hostile request rather than a condition the caller must handle at every call site. Catch it
 * where you answer the gateway (to send the failure reply and log {@link #getStatus()}); let it
 * propagate anywhere else, exactly like an {@code IllegalArgumentException}.
 */
public class PaySignException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Status numbers of the C ABI (fixed forever). */
    public static final int BAD_SIGNATURE = 1;
    public static final int NULL_ARGUMENT = 10;
    public static final int INVALID_ARGUMENT = 11;
    public static final int UNKNOWN_PROFILE = 12;
    public static final int MISSING_FIELD = 13;
    public static final int INVALID_FIELD = 14;
    public static final int DUPLICATE_FIELD = 15;
    public static final int MALFORMED_INPUT = 16;
    public static final int CHARSET_ERROR = 17;
    public static final int STALE_TIMESTAMP = 18;
    public static final int KEY_ERROR = 20;
    public static final int KEY_MISMATCH = 21;
    public static final int UNSUPPORTED = 22;
    public static final int DECRYPT_ERROR = 23;
    public static final int BUFFER_TOO_SMALL = 30;
    public static final int IO_ERROR = 31;
    public static final int PANIC = 99;
    public static final int UNTRUSTED_CERT = 24;

    private final int status;
    private final String statusName;

    public PaySignException(int status, String statusName, String message) {
        super(message);
        this.status = status;
        this.statusName = statusName == null ? "PAYSIGN_STATUS_" + status : statusName;
    }

    /** Called from the JNI glue: the core's texts arrive as UTF-8 bytes. */
    PaySignException(int status, byte[] message, byte[] statusName) {
        this(status,
             statusName == null ? null : new String(statusName, StandardCharsets.UTF_8),
             message == null || message.length == 0
                 ? (statusName == null ? "paysign error " + status
                                       : new String(statusName, StandardCharsets.UTF_8))
                 : new String(message, StandardCharsets.UTF_8));
    }

    /** The C ABI status number, e.g. {@link #UNKNOWN_PROFILE} (12). */
    public int getStatus() {
        return status;
    }

    /** The status constant's name, e.g. {@code PAYSIGN_UNKNOWN_PROFILE}. */
    public String getStatusName() {
        return statusName;
    }

    @Override
    public String toString() {
        return getClass().getName() + " [" + statusName + " (" + status + ")]: " + getMessage();
    }
}
