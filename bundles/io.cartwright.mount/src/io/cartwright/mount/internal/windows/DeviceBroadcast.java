/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.internal.windows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code DEV_BROADCAST_HDR} that {@code WM_DEVICECHANGE} passes in {@code lParam} for
 * {@code DBT_DEVICEARRIVAL} and {@code DBT_DEVICEREMOVECOMPLETE}. For a volume
 * ({@code dbch_devicetype == DBT_DEVTYP_VOLUME}) the header is a {@code DEV_BROADCAST_VOLUME}:
 * {@code DWORD size; DWORD devicetype; DWORD reserved; DWORD unitmask; WORD flags}.
 */
public final class DeviceBroadcast {

    public static final int WM_DEVICECHANGE = 0x0219;
    public static final int DBT_DEVICEARRIVAL = 0x8000;
    public static final int DBT_DEVICEREMOVECOMPLETE = 0x8004;
    public static final int DBT_DEVTYP_VOLUME = 0x0002;
    /** {@code DBTF_NET}: a network share, not a local medium. */
    public static final int DBTF_NET = 0x0002;

    private DeviceBroadcast() {
    }

    /** True when the message is an arrival or removal that may change the set of mounted volumes. */
    public static boolean changesVolumes(int wParam) {
        return wParam == DBT_DEVICEARRIVAL || wParam == DBT_DEVICEREMOVECOMPLETE;
    }

    /** The drive letters of a {@code DEV_BROADCAST_VOLUME}; empty for any other device type. */
    public static List<Character> volumeDrives(byte[] header) {
        if (header.length < 16) {
            return List.of();
        }
        ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(4) != DBT_DEVTYP_VOLUME) {
            return List.of();
        }
        return drives(b.getInt(12));
    }

    /** The drive letters set in a unit mask (bit 0 = A:), as from {@code GetLogicalDrives}. */
    public static List<Character> drives(int unitMask) {
        List<Character> out = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            if ((unitMask & (1 << i)) != 0) {
                out.add((char) ('A' + i));
            }
        }
        return out;
    }
}
