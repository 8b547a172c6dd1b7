package com.paysign;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.util.Locale;

/**
 * Finds and loads libpaysign_jni once per class loader, in this order:
 * <ol>
 * <li>the system property {@code paysign.library.path}: the full path of the library file
 *     (when set, it is the only place tried: a wrong path is an error, not a fallback);</li>
 * <li>{@code System.loadLibrary("paysign_jni")}, i.e. {@code java.library.path};</li>
 * <li>the copy inside the jar ({@code /native/<os>-<arch>/libpaysign_jni.so}), extracted to a
 *     unique temporary file (in {@code paysign.tmpdir}, else {@code java.io.tmpdir}). A unique
 *     file per load lets a redeployed webapp (a new class loader) load the library again: the
 *     JVM refuses to bind one library file to two class loaders.</li>
 * </ol>
 */
final class NativeLoader {
    static final String PATH_PROPERTY = "paysign.library.path";
    static final String TMPDIR_PROPERTY = "paysign.tmpdir";
    static final String LIBRARY = "paysign_jni";

    private static String loadedFrom;

    private NativeLoader() {
    }

    /** Where the library came from, for diagnostics ({@code java -jar paysign.jar}). */
    static synchronized String loadedFrom() {
        return loadedFrom;
    }

    static synchronized void load() {
        if (loadedFrom != null) {
            return;
        }
        String explicit = System.getProperty(PATH_PROPERTY);
        if (explicit != null && !explicit.isEmpty()) {
            String path = new File(explicit).getAbsolutePath();
            try {
                refuseTruncated(new File(path));
                System.load(path);
            } catch (UnsatisfiedLinkError e) {
                UnsatisfiedLinkError err = new UnsatisfiedLinkError(
                        "paysign: cannot load " + path + " (system property " + PATH_PROPERTY
                        + "): " + e.getMessage() + cpuNote(new File(path)));
                err.initCause(e);
                throw err;
            }
            loadedFrom = path + " (" + PATH_PROPERTY + ")";
            return;
        }

        StringBuilder why = new StringBuilder("paysign: cannot load the native library " + LIBRARY);
        try {
            System.loadLibrary(LIBRARY);
            loadedFrom = "java.library.path";
            return;
        } catch (UnsatisfiedLinkError e) {
            why.append("\n  java.library.path: ").append(e.getMessage());
        }

        String resource = "/native/" + platform() + "/" + System.mapLibraryName(LIBRARY);
        try {
            File file = extract(resource);
            if (file != null) {
                try {
                    refuseTruncated(file);
                    System.load(file.getAbsolutePath());
                } catch (UnsatisfiedLinkError e) {
                    UnsatisfiedLinkError err = new UnsatisfiedLinkError(e.getMessage() + cpuNote(file));
                    err.initCause(e);
                    throw err;
                } finally {
                    // Once mapped the file is no longer needed on POSIX systems; Windows keeps
                    // it locked, and deleteOnExit (set in extract) removes it at exit.
                    if (!isWindows()) {
                        file.delete();
                    }
                }
                loadedFrom = "jar resource " + resource + " via " + file.getAbsolutePath();
                return;
            }
            why.append("\n  jar: no resource ").append(resource);
        } catch (IOException e) {
            why.append("\n  jar: extracting ").append(resource).append(": ").append(e);
        } catch (UnsatisfiedLinkError e) {
            why.append("\n  jar ").append(resource).append(": ").append(e.getMessage());
        }
        why.append("\n  (set -D").append(PATH_PROPERTY).append("=/full/path/to/")
           .append(System.mapLibraryName(LIBRARY)).append(" to choose the file)");
        throw new UnsatisfiedLinkError(why.toString());
    }

    private static File extract(String resource) throws IOException {
        InputStream in = NativeLoader.class.getResourceAsStream(resource);
        if (in == null) {
            return null;
        }
        try {
            String dirName = System.getProperty(TMPDIR_PROPERTY);
            File dir = dirName == null || dirName.isEmpty() ? null : new File(dirName);
            String name = System.mapLibraryName(LIBRARY);
            String suffix = name.substring(name.lastIndexOf('.'));
            File file = File.createTempFile("paysign_jni-", suffix, dir);
            file.deleteOnExit();
            boolean done = false;
            try {
                OutputStream out = new FileOutputStream(file);
                try {
                    byte[] buf = new byte[64 * 1024];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        out.write(buf, 0, n);
                    }
                } finally {
                    out.close();
                }
                done = true;
            } finally {
                if (!done) {
                    file.delete();
                }
            }
            return file;
        } finally {
            in.close();
        }
    }

    /**
     * The loader says "cannot open shared object file" for an ELF file of another CPU, as if it
     * were missing; the file's own header tells which CPU it is for. Empty when it matches or
     * is unreadable.
     */
    static String cpuNote(File file) {
        byte[] h = new byte[20];
        try {
            InputStream in = new FileInputStream(file);
            try {
                if (in.read(h) != h.length) {
                    return "";
                }
            } finally {
                in.close();
            }
        } catch (IOException e) {
            return "";
        }
        if (h[0] == 'M' && h[1] == 'Z') {
            return isWindows() ? "" : " (the file is a Windows DLL)";
        }
        if (h[0] != 0x7f || h[1] != 'E' || h[2] != 'L' || h[3] != 'F') {
            return "";
        }
        int machine = (h[18] & 0xff) | (h[19] & 0xff) << 8;
        String cpu;
        switch (machine) {
            case 0x3e: cpu = "x86_64"; break;
            case 0xb7: cpu = "aarch64"; break;
            case 0x03: cpu = "x86"; break;
            case 0x28: cpu = "arm"; break;
            case 0xf3: cpu = "riscv"; break;
            default: cpu = "ELF machine " + machine;
        }
        String here = platform();
        here = here.substring(here.indexOf('-') + 1);
        return cpu.equals(here) ? "" : " (the file is built for " + cpu + "; this JVM runs on " + here + ")";
    }

    /**
     * An ELF file cut short (an interrupted copy or download) still passes the loader's header
     * checks, and touching its missing pages kills the process with SIGBUS; so its program
     * headers are compared with its length before it is loaded.
     */
    static void refuseTruncated(File file) {
        long need = elfLoadEnd(file);
        long have = file.length();
        if (need > have) {
            throw new UnsatisfiedLinkError(file.getAbsolutePath() + ": the file is truncated ("
                    + have + " bytes; its ELF headers need " + need + ")");
        }
    }

    /** The end of the last loadable segment, or 0 when the file is not a readable ELF file. */
    static long elfLoadEnd(File file) {
        try {
            RandomAccessFile f = new RandomAccessFile(file, "r");
            try {
                byte[] h = new byte[64];
                if (f.read(h) != h.length || h[0] != 0x7f || h[1] != 'E' || h[2] != 'L' || h[3] != 'F'
                        || h[5] != 1) {
                    return 0; // not ELF, or big-endian: left to the loader
                }
                boolean wide = h[4] == 2;
                long phoff = wide ? le(h, 32, 8) : le(h, 28, 4);
                int phentsize = (int) le(h, wide ? 54 : 42, 2);
                int phnum = (int) le(h, wide ? 56 : 44, 2);
                long end = phoff + (long) phentsize * phnum;
                byte[] ph = new byte[phentsize];
                for (int i = 0; i < phnum; i++) {
                    f.seek(phoff + (long) i * phentsize);
                    if (f.read(ph) != ph.length) {
                        return end;
                    }
                    if (le(ph, 0, 4) == 1) { // PT_LOAD
                        long off = wide ? le(ph, 8, 8) : le(ph, 4, 4);
                        long size = wide ? le(ph, 32, 8) : le(ph, 16, 4);
                        end = Math.max(end, off + size);
                    }
                }
                return end;
            } finally {
                f.close();
            }
        } catch (IOException e) {
            return 0;
        }
    }

    private static long le(byte[] b, int at, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = v << 8 | (b[at + i] & 0xff);
        }
        return v;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** e.g. linux-x86_64, linux-aarch64, darwin-aarch64, windows-x86_64. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) {
            os = "linux";
        } else if (os.startsWith("mac") || os.startsWith("darwin")) {
            os = "darwin";
        } else if (os.startsWith("windows")) {
            os = "windows";
        } else {
            os = os.replaceAll("[^a-z0-9]", "");
        }
        if (arch.equals("amd64") || arch.equals("x86_64") || arch.equals("x64")) {
            arch = "x86_64";
        } else if (arch.equals("aarch64") || arch.equals("arm64")) {
            arch = "aarch64";
        } else if (arch.equals("x86") || arch.matches("i[3-6]86")) {
            arch = "x86";
        }
        return os + "-" + arch;
    }
}
