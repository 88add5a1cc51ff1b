/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

import org.eclipse.jdt.annotation.Nullable;

/**
 * This machine's name for ASC MHL creator info, as the system has it set, without asking DNS.
 * {@link InetAddress#getLocalHost()} resolves the name first: on a Mac whose name is in no resolver,
 * or on an offline cart with an unreachable DNS server, that stalls for seconds at every seal.
 * ({@link NativeIo} binds libc on Linux only; gethostname is POSIX, so this binds it on macOS too.)
 */
final class HostName {

    private static volatile @Nullable String cached;

    private interface LibC extends Library {
        int gethostname(byte[] name, int length);
    }

    private HostName() {
    }

    /** The host name, looked up once per process. */
    static String get() {
        String name = cached;
        if (name == null) {
            name = lookUp();
            cached = name;
        }
        return name;
    }

    private static String lookUp() {
        if (Platform.isWindows()) {
            String computer = System.getenv("COMPUTERNAME");
            if (computer != null && !computer.isBlank()) {
                return computer.strip();
            }
        } else {
            try {
                byte[] buffer = new byte[256]; // POSIX HOST_NAME_MAX is at most 255
                if (Native.load("c", LibC.class).gethostname(buffer, buffer.length) == 0) {
                    int end = 0;
                    while (end < buffer.length && buffer[end] != 0) {
                        end++;
                    }
                    if (end > 0) {
                        return new String(buffer, 0, end, StandardCharsets.UTF_8);
                    }
                }
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                // no JNA native part here: ask the JDK below
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
