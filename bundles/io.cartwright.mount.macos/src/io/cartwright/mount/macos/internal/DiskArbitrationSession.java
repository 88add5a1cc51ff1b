/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.macos.internal;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.mac.SystemB;
import com.sun.jna.ptr.LongByReference;

import io.cartwright.mount.internal.macos.DiskDescription;
import io.cartwright.mount.internal.macos.VolumeTracker;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The thin JNA layer over DiskArbitration and CoreFoundation. It converts each disk description
 * (a CFDictionary) to a {@code Map<String, Object>} and hands it to the {@link VolumeTracker}; all
 * decisions are made there. Callbacks run on the session's run-loop thread.
 */
// Win32 and Core Foundation handles may be NULL anywhere; null analysis does not model them.
@NonNullByDefault({})
final class DiskArbitrationSession implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DiskArbitrationSession.class.getName());
    private static final int UTF8 = 0x0800_0100; // kCFStringEncodingUTF8
    private static final NativeLong SINT64 = new NativeLong(4); // kCFNumberSInt64Type
    private static final int SEARCH_PARENTS = 0x1 | 0x2; // kIORegistryIterateRecursively | kIORegistryIterateParents
    private static final int MNT_NOWAIT = 2;

    private interface CoreFoundation extends Library {
        CoreFoundation LIB = Native.load("CoreFoundation", CoreFoundation.class);

        Pointer CFRunLoopGetCurrent();

        void CFRunLoopRun();

        void CFRunLoopStop(Pointer runLoop);

        void CFRelease(Pointer ref);

        NativeLong CFGetTypeID(Pointer ref);

        NativeLong CFStringGetTypeID();

        NativeLong CFNumberGetTypeID();

        NativeLong CFBooleanGetTypeID();

        NativeLong CFURLGetTypeID();

        NativeLong CFUUIDGetTypeID();

        NativeLong CFDictionaryGetCount(Pointer dict);

        void CFDictionaryGetKeysAndValues(Pointer dict, Pointer[] keys, Pointer[] values);

        NativeLong CFStringGetLength(Pointer string);

        NativeLong CFStringGetMaximumSizeForEncoding(NativeLong length, int encoding);

        /** Returns a C {@code Boolean} (one byte). */
        byte CFStringGetCString(Pointer string, byte[] buffer, NativeLong size, int encoding);

        Pointer CFStringCreateWithCString(Pointer allocator, String text, int encoding);

        byte CFNumberGetValue(Pointer number, NativeLong type, LongByReference value);

        byte CFBooleanGetValue(Pointer bool);

        Pointer CFURLGetString(Pointer url);

        Pointer CFUUIDCreateString(Pointer allocator, Pointer uuid);
    }

    private interface DiskArbitration extends Library {
        DiskArbitration LIB = Native.load("DiskArbitration", DiskArbitration.class);

        Pointer DASessionCreate(Pointer allocator);

        void DASessionScheduleWithRunLoop(Pointer session, Pointer runLoop, Pointer mode);

        void DASessionUnscheduleFromRunLoop(Pointer session, Pointer runLoop, Pointer mode);

        void DARegisterDiskAppearedCallback(Pointer session, Pointer match, DiskCallback callback, Pointer context);

        void DARegisterDiskDisappearedCallback(Pointer session, Pointer match, DiskCallback callback, Pointer context);

        void DARegisterDiskDescriptionChangedCallback(Pointer session, Pointer match, Pointer watch,
                DiskChangedCallback callback, Pointer context);

        Pointer DADiskCreateFromBSDName(Pointer allocator, Pointer session, String name);

        Pointer DADiskCopyDescription(Pointer disk);

        String DADiskGetBSDName(Pointer disk);

        int DADiskCopyIOMedia(Pointer disk);
    }

    private interface IOKit extends Library {
        IOKit LIB = Native.load("IOKit", IOKit.class);

        Pointer IORegistryEntrySearchCFProperty(int entry, String plane, Pointer key, Pointer allocator, int options);

        int IOObjectRelease(int object);
    }

    /** JNA calls callbacks reflectively: the interfaces must be public. */
    public interface DiskCallback extends Callback {
        void invoke(Pointer disk, Pointer context);
    }

    public interface DiskChangedCallback extends Callback {
        void invoke(Pointer disk, Pointer keys, Pointer context);
    }

    private final VolumeTracker tracker;
    // Strong references: JNA callbacks must outlive their registration.
    private final DiskCallback appeared = (disk, ctx) -> described(disk);
    private final DiskCallback disappeared = (disk, ctx) -> gone(disk);
    private final DiskChangedCallback changed = (disk, keys, ctx) -> described(disk);
    private final CountDownLatch running = new CountDownLatch(1);
    private Pointer session;
    private volatile Pointer runLoop;
    private Thread thread;

    DiskArbitrationSession(VolumeTracker tracker) {
        this.tracker = tracker;
    }

    /** Creates the session, reports the volumes mounted now, and starts the run-loop thread. */
    void open() {
        CoreFoundation cf = CoreFoundation.LIB;
        DiskArbitration da = DiskArbitration.LIB;
        session = da.DASessionCreate(null);
        if (session == null) {
            throw new IllegalStateException("DASessionCreate failed");
        }
        initialVolumes(da);
        da.DARegisterDiskAppearedCallback(session, null, appeared, null);
        da.DARegisterDiskDescriptionChangedCallback(session, null, null, changed, null);
        da.DARegisterDiskDisappearedCallback(session, null, disappeared, null);
        Pointer mode = NativeLibrary.getInstance("CoreFoundation").getGlobalVariableAddress("kCFRunLoopDefaultMode")
                .getPointer(0);
        thread = Thread.ofPlatform().daemon().name("cartwright-diskarbitration").unstarted(() -> {
            runLoop = cf.CFRunLoopGetCurrent();
            da.DASessionScheduleWithRunLoop(session, runLoop, mode);
            running.countDown();
            cf.CFRunLoopRun();
            da.DASessionUnscheduleFromRunLoop(session, runLoop, mode);
        });
        thread.start();
        try {
            running.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        Pointer rl = runLoop;
        if (rl != null) {
            CoreFoundation.LIB.CFRunLoopStop(rl);
        }
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (session != null) {
            CoreFoundation.LIB.CFRelease(session);
            session = null;
        }
    }

    /** Mounted local disks right now (getfsstat), so the start contract holds before callbacks arrive. */
    private void initialVolumes(DiskArbitration da) {
        int n = SystemB.INSTANCE.getfsstat64(null, 0, MNT_NOWAIT);
        if (n <= 0) {
            return;
        }
        SystemB.Statfs[] stats = (SystemB.Statfs[]) new SystemB.Statfs().toArray(n);
        n = SystemB.INSTANCE.getfsstat64(stats, stats[0].size() * stats.length, MNT_NOWAIT);
        for (int i = 0; i < n; i++) {
            String from = Native.toString(stats[i].f_mntfromname, StandardCharsets.UTF_8.name());
            if (!from.startsWith("/dev/disk")) {
                continue;
            }
            Pointer disk = da.DADiskCreateFromBSDName(null, session, from.substring("/dev/".length()));
            if (disk != null) {
                try {
                    described(disk);
                } finally {
                    CoreFoundation.LIB.CFRelease(disk);
                }
            }
        }
    }

    private void described(Pointer disk) {
        try {
            Pointer dict = DiskArbitration.LIB.DADiskCopyDescription(disk);
            if (dict == null) {
                return;
            }
            Map<String, Object> description;
            try {
                description = toMap(dict);
            } finally {
                CoreFoundation.LIB.CFRelease(dict);
            }
            String serial = serial(disk);
            if (!serial.isEmpty()) {
                description.put(DiskDescription.SERIAL_KEY, serial);
            }
            tracker.described(description);
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "cannot read a DiskArbitration disk description", e);
        }
    }

    private void gone(Pointer disk) {
        String bsd = DiskArbitration.LIB.DADiskGetBSDName(disk);
        if (bsd != null) {
            tracker.disappeared(bsd);
        }
    }

    /** The I/O Registry serial of the device (USB serial, or the drive's own for SATA/NVMe), if any. */
    private static String serial(Pointer disk) {
        int media = DiskArbitration.LIB.DADiskCopyIOMedia(disk);
        if (media == 0) {
            return "";
        }
        try {
            for (String name : new String[] {"USB Serial Number", "Serial Number", "kUSBSerialNumberString"}) {
                Pointer key = CoreFoundation.LIB.CFStringCreateWithCString(null, name, UTF8);
                try {
                    Pointer value = IOKit.LIB.IORegistryEntrySearchCFProperty(media, "IOService", key, null, SEARCH_PARENTS);
                    if (value != null) {
                        try {
                            Object v = convert(value);
                            if (v instanceof String s && !s.isBlank()) {
                                return s.strip();
                            }
                        } finally {
                            CoreFoundation.LIB.CFRelease(value);
                        }
                    }
                } finally {
                    CoreFoundation.LIB.CFRelease(key);
                }
            }
            return "";
        } finally {
            IOKit.LIB.IOObjectRelease(media);
        }
    }

    private static Map<String, Object> toMap(Pointer dict) {
        CoreFoundation cf = CoreFoundation.LIB;
        int count = cf.CFDictionaryGetCount(dict).intValue();
        Pointer[] keys = new Pointer[count];
        Pointer[] values = new Pointer[count];
        Map<String, Object> out = new HashMap<>();
        if (count == 0) {
            return out;
        }
        cf.CFDictionaryGetKeysAndValues(dict, keys, values);
        for (int i = 0; i < count; i++) {
            Object k = convert(keys[i]);
            Object v = convert(values[i]);
            if (k instanceof String key && v != null) {
                out.put(key, v);
            }
        }
        return out;
    }

    /** CFString, CFNumber, CFBoolean, CFURL and CFUUID to Java; anything else to null. */
    private static Object convert(Pointer ref) {
        if (ref == null) {
            return null;
        }
        CoreFoundation cf = CoreFoundation.LIB;
        long type = cf.CFGetTypeID(ref).longValue();
        if (type == cf.CFStringGetTypeID().longValue()) {
            return string(ref);
        }
        if (type == cf.CFBooleanGetTypeID().longValue()) {
            return cf.CFBooleanGetValue(ref) != 0;
        }
        if (type == cf.CFNumberGetTypeID().longValue()) {
            LongByReference v = new LongByReference();
            return cf.CFNumberGetValue(ref, SINT64, v) != 0 ? v.getValue() : null;
        }
        if (type == cf.CFURLGetTypeID().longValue()) {
            return string(cf.CFURLGetString(ref));
        }
        if (type == cf.CFUUIDGetTypeID().longValue()) {
            Pointer s = cf.CFUUIDCreateString(null, ref);
            try {
                return string(s);
            } finally {
                if (s != null) {
                    cf.CFRelease(s);
                }
            }
        }
        return null;
    }

    private static String string(Pointer cfString) {
        if (cfString == null) {
            return null;
        }
        CoreFoundation cf = CoreFoundation.LIB;
        long max = cf.CFStringGetMaximumSizeForEncoding(cf.CFStringGetLength(cfString), UTF8).longValue() + 1;
        byte[] buf = new byte[(int) Math.min(max, 1 << 16)];
        if (cf.CFStringGetCString(cfString, buf, new NativeLong(buf.length), UTF8) == 0) {
            return null;
        }
        return Native.toString(buf, StandardCharsets.UTF_8.name());
    }
}
