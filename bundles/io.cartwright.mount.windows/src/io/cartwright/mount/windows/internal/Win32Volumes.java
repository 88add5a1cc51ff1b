/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.windows.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

import io.cartwright.mount.internal.windows.DeviceBroadcast;
import io.cartwright.mount.internal.windows.DriveFacts;
import io.cartwright.mount.internal.windows.StorageDeviceDescriptor;
import io.cartwright.mount.internal.windows.StorageDeviceNumber;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The thin JNA layer over the Win32 volume and storage calls: for each drive letter,
 * {@code GetVolumeInformationW}, {@code GetVolumeNameForVolumeMountPointW},
 * {@code GetDiskFreeSpaceExW}, and on {@code \\.\X:} the IOCTLs
 * {@code IOCTL_STORAGE_QUERY_PROPERTY} (StorageDeviceProperty), {@code IOCTL_DISK_GET_LENGTH_INFO}
 * and {@code IOCTL_STORAGE_GET_DEVICE_NUMBER}. The bytes are parsed in
 * {@code io.cartwright.mount.internal.windows}. Opening the volume needs no access rights (query only).
 */
// Win32 and Core Foundation handles may be NULL anywhere; null analysis does not model them.
@NonNullByDefault({})
final class Win32Volumes {

    private static final int IOCTL_STORAGE_QUERY_PROPERTY = 0x002D_1400;
    private static final int IOCTL_DISK_GET_LENGTH_INFO = 0x0007_405C;
    private static final int IOCTL_STORAGE_GET_DEVICE_NUMBER = 0x002D_1080;
    private static final int SEM_FAILCRITICALERRORS = 0x0001;
    private static final int DRIVE_NO_ROOT_DIR = 1;

    private interface Kernel32Extra extends StdCallLibrary {
        Kernel32Extra LIB = Native.load("kernel32", Kernel32Extra.class, W32APIOptions.DEFAULT_OPTIONS);

        int GetLogicalDrives();

        boolean SetThreadErrorMode(int mode, IntByReference oldMode);
    }

    private Win32Volumes() {
    }

    /** Facts of every drive letter with a mounted filesystem. */
    static List<DriveFacts> scan() {
        IntByReference old = new IntByReference();
        // An empty card-reader slot must not pop up "insert a disk" while we look at it.
        Kernel32Extra.LIB.SetThreadErrorMode(SEM_FAILCRITICALERRORS, old);
        try {
            List<DriveFacts> out = new ArrayList<>();
            for (char letter : DeviceBroadcast.drives(Kernel32Extra.LIB.GetLogicalDrives())) {
                drive(letter).ifPresent(out::add);
            }
            return out;
        } finally {
            Kernel32Extra.LIB.SetThreadErrorMode(old.getValue(), null);
        }
    }

    private static Optional<DriveFacts> drive(char letter) {
        Kernel32 k = Kernel32.INSTANCE;
        String root = letter + ":\\";
        int type = k.GetDriveType(root);
        if (type == DRIVE_NO_ROOT_DIR || type == 0) {
            return Optional.empty();
        }
        char[] label = new char[261];
        char[] fs = new char[261];
        IntByReference serial = new IntByReference();
        IntByReference maxComponent = new IntByReference();
        IntByReference flags = new IntByReference();
        if (!k.GetVolumeInformation(root, label, label.length, serial, maxComponent, flags, fs, fs.length)) {
            return Optional.empty(); // no medium in the slot, or not formatted
        }
        char[] guid = new char[64];
        String guidPath = k.GetVolumeNameForVolumeMountPoint(root, guid, guid.length) ? Native.toString(guid) : "";
        WinNT.LARGE_INTEGER free = new WinNT.LARGE_INTEGER();
        WinNT.LARGE_INTEGER total = new WinNT.LARGE_INTEGER();
        WinNT.LARGE_INTEGER totalFree = new WinNT.LARGE_INTEGER();
        long freeBytes = k.GetDiskFreeSpaceEx(root, free, total, totalFree) ? free.getValue() : 0;
        long capacity = 0;
        Optional<StorageDeviceDescriptor> descriptor = Optional.empty();
        Optional<StorageDeviceNumber> number = Optional.empty();
        if (type != DriveFacts.DRIVE_REMOTE) {
            WinNT.HANDLE h = k.CreateFile("\\\\.\\" + letter + ":", 0, WinNT.FILE_SHARE_READ | WinNT.FILE_SHARE_WRITE, null,
                    WinNT.OPEN_EXISTING, 0, null);
            if (h != null && !WinBase.INVALID_HANDLE_VALUE.equals(h)) {
                try {
                    descriptor = ioctl(h, IOCTL_STORAGE_QUERY_PROPERTY, query(), 1024).map(StorageDeviceDescriptor::parse);
                    number = ioctl(h, IOCTL_STORAGE_GET_DEVICE_NUMBER, null, 12).map(StorageDeviceNumber::parse);
                    capacity = ioctl(h, IOCTL_DISK_GET_LENGTH_INFO, null, 8)
                            .map(b -> java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong(0))
                            .orElse(0L);
                } catch (IllegalArgumentException e) {
                    descriptor = Optional.empty();
                } finally {
                    k.CloseHandle(h);
                }
            }
        }
        return Optional.of(new DriveFacts(root, guidPath, type, Native.toString(label), serial.getValue(), Native.toString(fs),
                flags.getValue(), capacity, freeBytes, descriptor, number));
    }

    /** {@code STORAGE_PROPERTY_QUERY}: StorageDeviceProperty (0), PropertyStandardQuery (0). */
    private static Memory query() {
        Memory m = new Memory(12);
        m.clear();
        return m;
    }

    private static Optional<byte[]> ioctl(WinNT.HANDLE h, int code, Memory in, int outSize) {
        try (Memory out = new Memory(outSize)) {
            out.clear();
            IntByReference returned = new IntByReference();
            boolean ok = Kernel32.INSTANCE.DeviceIoControl(h, code, in, in == null ? 0 : (int) in.size(), out, outSize,
                    returned, null);
            if (in != null) {
                in.close();
            }
            return ok && returned.getValue() > 0 ? Optional.of(out.getByteArray(0, returned.getValue())) : Optional.empty();
        }
    }
}
