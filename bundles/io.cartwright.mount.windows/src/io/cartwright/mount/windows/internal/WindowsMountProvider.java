/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.windows.internal;

import java.lang.System.Logger.Level;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinDef.HWND;
import com.sun.jna.platform.win32.WinDef.LPARAM;
import com.sun.jna.platform.win32.WinDef.LRESULT;
import com.sun.jna.platform.win32.WinDef.WPARAM;
import com.sun.jna.platform.win32.WinUser;

import io.cartwright.mount.internal.windows.DeviceBroadcast;
import io.cartwright.mount.internal.windows.DriveTracker;
import io.cartwright.mount.spi.MountProvider;
import io.cartwright.mount.spi.MountSink;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Windows volumes, pushed: a hidden top-level window on its own thread receives the
 * {@code WM_DEVICECHANGE} broadcasts ({@code DBT_DEVICEARRIVAL} / {@code DBT_DEVICEREMOVECOMPLETE} for
 * {@code DBT_DEVTYP_VOLUME}); each one triggers a rescan of the drive letters through
 * {@link Win32Volumes}, and {@link DriveTracker} reports the difference. (A message-only window would
 * not receive these broadcasts.) Everything above the Win32 calls is in
 * {@code io.cartwright.mount.internal.windows} and unit-tested on every OS.
 */
// Win32 and Core Foundation handles may be NULL anywhere; null analysis does not model them.
@NonNullByDefault({})
@Component(service = MountProvider.class)
public final class WindowsMountProvider implements MountProvider {

    private static final System.Logger LOG = System.getLogger(WindowsMountProvider.class.getName());
    private static final String WINDOW_CLASS = "CartwrightDeviceWatcher";
    /** WM_APP + 1: rescan the drives, posted to ourselves. */
    private static final int WM_RESCAN = 0x8001;

    private Thread thread;
    private volatile HWND window;
    private DriveTracker tracker;
    // Strong reference: the window procedure must outlive the window.
    private WinUser.WindowProc procedure;

    @Activate
    public WindowsMountProvider() {
        // state is created in start()
    }

    @Override
    public String name() {
        return "windows";
    }

    @Override
    public synchronized void start(MountSink sink) {
        if (!Platform.isWindows()) {
            throw new IllegalStateException("the Windows mount provider runs on Windows only");
        }
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        String systemDrive = System.getenv().getOrDefault("SystemDrive", "C:");
        tracker = new DriveTracker(sink, Long.toString(System.currentTimeMillis(), 36), systemDrive);
        tracker.scanned(Win32Volumes.scan()); // the volumes mounted now, before start returns
        CountDownLatch ready = new CountDownLatch(1);
        procedure = this::windowProc;
        thread = Thread.ofPlatform().daemon().name("cartwright-devicechange").unstarted(() -> messageLoop(ready));
        thread.start();
        try {
            ready.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        Thread t;
        synchronized (this) {
            t = thread;
            thread = null;
        }
        if (t == null) {
            return;
        }
        HWND w = window;
        if (w != null) {
            User32.INSTANCE.PostMessage(w, WinUser.WM_CLOSE, new WPARAM(0), new LPARAM(0));
        }
        try {
            t.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void messageLoop(CountDownLatch ready) {
        User32 user = User32.INSTANCE;
        WinUser.WNDCLASSEX wc = new WinUser.WNDCLASSEX();
        wc.hInstance = Kernel32.INSTANCE.GetModuleHandle(null);
        wc.lpfnWndProc = procedure;
        wc.lpszClassName = WINDOW_CLASS;
        user.RegisterClassEx(wc);
        try {
            window = user.CreateWindowEx(0, WINDOW_CLASS, "Cartwright device watcher", 0, 0, 0, 0, 0, null, null,
                    wc.hInstance, null);
            ready.countDown();
            if (window == null) {
                LOG.log(Level.ERROR, "cannot create the device-notification window; volume changes are not seen");
                return;
            }
            WinUser.MSG msg = new WinUser.MSG();
            while (user.GetMessage(msg, null, 0, 0) > 0) {
                user.TranslateMessage(msg);
                user.DispatchMessage(msg);
            }
        } finally {
            window = null;
            user.UnregisterClass(WINDOW_CLASS, wc.hInstance);
        }
    }

    private LRESULT windowProc(HWND hwnd, int msg, WPARAM wParam, LPARAM lParam) {
        User32 user = User32.INSTANCE;
        if (msg == DeviceBroadcast.WM_DEVICECHANGE && DeviceBroadcast.changesVolumes(wParam.intValue())) {
            long address = lParam.longValue();
            if (address != 0) {
                byte[] header = new Pointer(address).getByteArray(0, 18);
                if (!DeviceBroadcast.volumeDrives(header).isEmpty()) {
                    // Rescan after returning: the broadcast waits for our answer.
                    user.PostMessage(hwnd, WM_RESCAN, new WPARAM(0), new LPARAM(0));
                }
            }
            return new LRESULT(1); // TRUE: the change is accepted
        }
        if (msg == WM_RESCAN) {
            try {
                tracker.scanned(Win32Volumes.scan());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "rescanning the drives failed; will retry on the next change", e);
            }
            return new LRESULT(0);
        }
        if (msg == WinUser.WM_CLOSE) {
            user.DestroyWindow(hwnd);
            return new LRESULT(0);
        }
        if (msg == WinUser.WM_DESTROY) {
            user.PostQuitMessage(0);
            return new LRESULT(0);
        }
        return user.DefWindowProc(hwnd, msg, wParam, lParam);
    }
}
