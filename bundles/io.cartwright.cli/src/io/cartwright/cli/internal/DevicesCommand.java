/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cartwright.core.CartwrightException;
import io.cartwright.core.ExitCode;
import io.cartwright.device.DeviceDetails;
import io.cartwright.device.DeviceEvent;
import io.cartwright.device.DeviceIdentity;
import io.cartwright.device.DeviceRecord;
import io.cartwright.device.DeviceRegistry;
import io.cartwright.device.DeviceState;
import io.cartwright.device.DeviceWatch;
import io.cartwright.device.HistoryEntry;
import io.cartwright.device.IdentityMatch;
import io.cartwright.device.Resolution;
import io.cartwright.device.VolumeRole;
import io.cartwright.mount.Classification;
import io.cartwright.mount.MountService;
import io.cartwright.mount.MountedVolume;
import io.cartwright.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * {@code cartwright devices}: the cards and drives Cartwright knows, live. Subcommands list, watch,
 * show, register and set-role; each accepts {@code --db} and {@code --json}.
 */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = {"Cards and drives: which are mounted now, which are registered, and their history.",
                "A card never seen before is UNREGISTERED until you register it."},
        subcommands = {DevicesCommand.ListDevices.class, DevicesCommand.Watch.class, DevicesCommand.Show.class,
                DevicesCommand.Register.class, DevicesCommand.SetRole.class})
final class DevicesCommand extends BaseCommand {

    static final String ACTOR = "cli";

    @Spec
    @NonNullByDefault({}) CommandSpec spec;

    DevicesCommand(CommandContext context) {
        super(context);
    }

    @Override
    protected ExitCode execute() {
        spec.commandLine().usage(context.out());
        return ExitCode.OK;
    }

    /** What every subcommand of this group shares besides the common options: its services. */
    abstract static class Sub extends BaseCommand {

        Sub(CommandContext context) {
            super(context);
        }

        DeviceRegistry registry() {
            return context.services().get(DeviceRegistry.class);
        }

        MountService mounts() {
            return context.services().get(MountService.class);
        }

        /** The device named by an id or barcode, or a usage error that says how to find it. */
        DeviceRecord device(Store store, String idOrBarcode) {
            return registry().find(store, idOrBarcode).orElseThrow(() -> new CartwrightException(ExitCode.USAGE,
                    "No device has the id or barcode '" + idOrBarcode + "'.", "List the devices with: cartwright devices list --all"));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List registered devices and the volumes mounted now, with their state (LIVE, REGISTERED, UNREGISTERED, OFFLINE).")
    static final class ListDevices extends Sub {

        @Option(names = "--all", description = "Also list unregistered devices that are not mounted now.")
        boolean all;

        ListDevices(CommandContext context) {
            super(context);
        }

        @Override
        protected ExitCode execute() {
            Store store = store();
            DeviceRegistry registry = registry();
            registry.refresh(store);
            List<DeviceRecord> devices = registry.list(store, all);
            Output out = output();
            if (out.json()) {
                ArrayNode array = Output.object().arrayNode();
                devices.forEach(d -> array.add(json(d)));
                out.json(array);
                return ExitCode.OK;
            }
            if (devices.isEmpty()) {
                out.line(all ? "No devices yet. Mount a card; it shows up here as UNREGISTERED."
                        : "No registered or mounted devices. 'cartwright devices list --all' shows every device seen.");
                return ExitCode.OK;
            }
            out.line(String.format(Locale.ROOT, "%4s  %-12s  %-7s  %-14s  %-11s  %-6s  %9s  %-11s  %s", "ID", "STATE", "ROLE",
                    "NAME", "LABEL", "FS", "CAPACITY", "BUS", "MOUNTED AT"));
            for (DeviceRecord d : devices) {
                out.line(String.format(Locale.ROOT, "%4d  %-12s  %-7s  %-14s  %-11s  %-6s  %9s  %-11s  %s", d.id(), d.state(),
                        d.role().id(), cut(d.name(), 14), cut(d.label(), 11), d.fsType(), size(d.capacity()),
                        d.bus().name().toLowerCase(Locale.ROOT), text(d.mountPoint(), "")));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "watch", mixinStandardHelpOptions = true,
            description = {"Print mounts, unmounts, identities and state changes as they happen, until interrupted (Ctrl-C).",
                    "With --json: one JSON object per line (event: ready, mounted, identity, state, unmounted)."})
    static final class Watch extends Sub {

        @Option(names = "--for", paramLabel = "SECONDS", hidden = true, description = "Stop after this many seconds (tests).")
        @Nullable Double seconds;

        Watch(CommandContext context) {
            super(context);
        }

        @Override
        protected ExitCode execute() throws InterruptedException {
            if (seconds != null && !(seconds > 0)) {
                throw new CartwrightException(ExitCode.USAGE, "--for must be a positive number of seconds.", "");
            }
            Store store = store();
            Output out = output();
            MountService mounts = mounts();
            CountDownLatch never = new CountDownLatch(1);
            if (!out.json()) {
                out.line(mounts.live() ? "Watching for cards (Ctrl-C to stop)."
                        : "No mount provider runs on this system: mounts cannot be watched here.");
            }
            DeviceWatch watch = registry().watch(store, e -> print(out, e));
            try {
                if (out.json()) {
                    // Everything mounted from now on is reported; volumes already mounted come as "initial".
                    out.json(Output.object().put("event", "ready").put("at", Instant.now().toString()).put("live", mounts.live())
                            .put("database", store.file().toString()));
                }
                flush();
                if (seconds != null) {
                    never.await((long) (seconds * 1000), TimeUnit.MILLISECONDS);
                } else {
                    never.await();
                }
            } finally {
                watch.close();
            }
            return ExitCode.OK;
        }

        private void print(Output out, DeviceEvent e) {
            if (out.json()) {
                out.json(json(e));
            } else {
                out.line(human(e));
            }
            flush();
        }

        private void flush() {
            context.out().flush();
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one device: its record, identities and lifetime history.")
    static final class Show extends Sub {

        @Parameters(index = "0", paramLabel = "ID|BARCODE", description = "Device id or barcode (id:N forces an id).")
        @NonNullByDefault({}) String which;

        Show(CommandContext context) {
            super(context);
        }

        @Override
        protected ExitCode execute() {
            Store store = store();
            DeviceRegistry registry = registry();
            registry.refresh(store);
            device(store, which);
            DeviceDetails details = registry.show(store, which).orElseThrow();
            Output out = output();
            if (out.json()) {
                ObjectNode o = Output.object();
                o.set("device", json(details.device()));
                ArrayNode ids = o.putArray("identities");
                for (DeviceIdentity i : details.identities()) {
                    ids.addObject().put("key", i.key()).put("kind", i.hardware() ? "hardware" : "filesystem").put("origin", i.origin())
                            .put("serial", i.serial()).put("fs_type", i.fsType()).put("fs_id", i.fsId()).put("label", i.label())
                            .put("capacity", i.capacity()).put("first_seen", i.firstSeen().toString())
                            .put("last_seen", i.lastSeen().toString());
                }
                ArrayNode history = o.putArray("history");
                for (HistoryEntry h : details.history()) {
                    ObjectNode n = history.addObject().put("at", h.at().toString()).put("kind", h.kind()).put("detail", h.detail())
                            .put("actor", h.actor());
                    if (h.mountGeneration() > 0) {
                        n.put("generation", h.mountGeneration());
                    }
                }
                out.json(o);
                return ExitCode.OK;
            }
            DeviceRecord d = details.device();
            out.line("Device " + d.id() + (d.name().isEmpty() ? "" : "  " + d.name()) + "  [" + d.state() + "]");
            out.line("  role:        " + d.role().id());
            out.line("  barcode:     " + (d.barcode().isEmpty() ? "-" : d.barcode()));
            Instant registered = d.registeredAt();
            out.line("  registered:  " + (registered == null ? "no" : local(registered)));
            out.line("  filesystem:  " + d.fsType() + " " + d.fsId() + (d.label().isEmpty() ? "" : " '" + d.label() + "'") + ", "
                    + size(d.capacity()));
            out.line("  hardware:    " + d.bus().name().toLowerCase(Locale.ROOT) + (d.removable() ? ", removable" : "")
                    + (d.vendor().isEmpty() && d.model().isEmpty() ? "" : ", " + (d.vendor() + " " + d.model()).strip())
                    + (d.serial().isEmpty() ? ", no medium serial" : ", serial " + d.serial()));
            out.line("  mounted:     " + (d.mountPoint() == null ? "no" : d.mountPoint() + " (generation " + d.mountGeneration() + ")"));
            out.line("  first seen:  " + local(d.firstSeen()) + "; last seen " + local(d.lastSeen()));
            out.line("Identities:");
            for (DeviceIdentity i : details.identities()) {
                out.line("  " + i.key() + "  (" + (i.hardware() ? "hardware" : "filesystem") + ", from " + i.origin() + ")");
            }
            out.line("History:");
            for (HistoryEntry h : details.history()) {
                out.line("  " + local(h.at()) + "  " + String.format(Locale.ROOT, "%-11s", h.kind())
                        + (h.mountGeneration() > 0 ? "gen " + h.mountGeneration() + "  " : "") + h.detail()
                        + ("device".equals(h.actor()) ? "" : "  [" + h.actor() + "]"));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "register", mixinStandardHelpOptions = true,
            description = {"Register a card or drive so Cartwright treats it as known media.",
                    "Name it by its mount point, or by id/barcode (devices list --all shows unregistered ones)."})
    static final class Register extends Sub {

        @Parameters(index = "0", paramLabel = "MOUNT|ID", description = "The mount point of the volume, or a device id or barcode.")
        @NonNullByDefault({}) String which;

        @Option(names = "--name", paramLabel = "NAME", description = "A name for it (default: the volume label).")
        @Nullable String name;

        @Option(names = "--barcode", paramLabel = "VALUE", description = "The value of its barcode label.")
        @Nullable String barcode;

        Register(CommandContext context) {
            super(context);
        }

        @Override
        protected ExitCode execute() {
            Store store = store();
            DeviceRegistry registry = registry();
            long id;
            if (looksLikePath(which)) {
                id = fromMount(store, registry, Path.of(which));
            } else {
                Optional<DeviceRecord> known = registry.find(store, which);
                // A bare word is an id or barcode first; a folder of that name in the working directory second.
                id = known.isPresent() || !Files.isDirectory(Path.of(which)) ? device(store, which).id()
                        : fromMount(store, registry, Path.of(which));
            }
            boolean wasRegistered = registry.device(store, id).map(DeviceRecord::registered).orElse(false);
            DeviceRecord d = registry.register(store, id, name, barcode, ACTOR);
            Output out = output();
            if (out.json()) {
                out.json(json(d).put("already_registered", wasRegistered));
            } else {
                out.line((wasRegistered ? "Already registered: device " : "Registered device ") + d.id() + " '" + d.name() + "' ["
                        + d.state() + "]" + (d.barcode().isEmpty() ? "" : ", barcode " + d.barcode()) + ".");
            }
            return ExitCode.OK;
        }

        private static boolean looksLikePath(String arg) {
            return arg.startsWith(".") || arg.contains("/") || arg.contains(java.io.File.separator);
        }

        private long fromMount(Store store, DeviceRegistry registry, Path path) {
            MountService mounts = mounts();
            registry.refresh(store);
            if (!Files.isDirectory(path)) {
                throw new CartwrightException(ExitCode.USAGE, "There is no folder " + path + ".",
                        "Give the mount point of the card, or its id from 'cartwright devices list'.");
            }
            Path real;
            try {
                real = path.toRealPath();
            } catch (java.io.IOException e) {
                throw new CartwrightException(ExitCode.USAGE, "Cannot read " + path + ": " + e.getMessage(), "");
            }
            Optional<MountedVolume> volume = mounts.volumeOf(real);
            if (volume.isEmpty() || !volume.get().mountPoint().equals(real)) {
                throw new CartwrightException(ExitCode.USAGE, real + " is not the mount point of a volume"
                        + volume.map(v -> " (it is inside " + v.mountPoint() + ")").orElse("") + ".",
                        mounts.live() ? "Give the folder where the card is mounted; 'cartwright devices list' shows them."
                                : "Mounts cannot be seen on this system; register by id instead.");
            }
            MountedVolume v = volume.get();
            if (v.classification() == Classification.SYSTEM) {
                throw new CartwrightException(ExitCode.REFUSED, v.mountPoint() + " is a system volume (it holds the system, "
                        + "a home folder or the Cartwright database) and cannot be registered.", "Register a card or an external drive.");
            }
            Resolution r = registry.resolve(store, v).orElseThrow(() -> new CartwrightException(ExitCode.USAGE,
                    v.mountPoint() + " cannot be identified: it shows neither a medium serial nor a filesystem id.",
                    "Only local volumes with a filesystem id (exFAT, FAT, NTFS, ext4, ...) can be registered."));
            return r.device().id();
        }
    }

    @Command(name = "set-role", mixinStandardHelpOptions = true,
            description = "Set what a device is for: source (camera media, read-only to Cartwright), backup, shared or system.")
    static final class SetRole extends Sub {

        @Parameters(index = "0", paramLabel = "ID|BARCODE", description = "Device id or barcode.")
        @NonNullByDefault({}) String which;

        @Parameters(index = "1", paramLabel = "ROLE", description = "source, backup, shared or system.")
        @NonNullByDefault({}) String role;

        SetRole(CommandContext context) {
            super(context);
        }

        @Override
        protected ExitCode execute() {
            VolumeRole r;
            try {
                r = VolumeRole.parse(role);
            } catch (IllegalArgumentException e) {
                throw new CartwrightException(ExitCode.USAGE, e.getMessage() + ".", "See 'cartwright devices set-role --help'.");
            }
            Store store = store();
            DeviceRecord d = registry().setRole(store, device(store, which).id(), r, ACTOR);
            Output out = output();
            if (out.json()) {
                out.json(json(d));
            } else {
                out.line("Device " + d.id() + (d.name().isEmpty() ? "" : " '" + d.name() + "'") + " is now " + d.role().id() + ".");
            }
            return ExitCode.OK;
        }
    }

    // ---- rendering ---------------------------------------------------------------------------------

    static ObjectNode json(DeviceRecord d) {
        ObjectNode o = Output.object().put("id", d.id()).put("name", d.name()).put("state", d.state().id()).put("role", d.role().id())
                .put("barcode", d.barcode()).put("vendor", d.vendor()).put("model", d.model()).put("serial", d.serial())
                .put("bus", d.bus().name().toLowerCase(Locale.ROOT)).put("removable", d.removable()).put("fs_type", d.fsType())
                .put("fs_id", d.fsId()).put("label", d.label()).put("capacity", d.capacity())
                .put("mount_generation", d.mountGeneration()).put("first_seen", d.firstSeen().toString())
                .put("last_seen", d.lastSeen().toString());
        o.put("registered_at", text(d.registeredAt(), null));
        o.put("mount_point", text(d.mountPoint(), null));
        return o;
    }

    static ObjectNode json(MountedVolume v) {
        return Output.object().put("mount_point", v.mountPoint().toString()).put("device_node", v.deviceNode())
                .put("fs_type", v.fsType()).put("fs_id", v.fsId()).put("label", v.label()).put("capacity", v.capacity())
                .put("free", v.free()).put("read_only", v.readOnly()).put("removable", v.removable())
                .put("bus", v.bus().name().toLowerCase(Locale.ROOT)).put("vendor", v.vendor()).put("model", v.model())
                .put("serial", v.hardwareSerial()).put("serial_is_medium", v.serialIdentifiesMedium())
                .put("classification", v.classification().name().toLowerCase(Locale.ROOT)).put("key", v.key());
    }

    static ObjectNode json(DeviceEvent e) {
        ObjectNode o = Output.object().put("event", e.kind().id()).put("at", e.at().toString());
        if (e.initial()) {
            o.put("initial", true);
        }
        DeviceRecord d = e.device();
        if (d != null) {
            o.put("device", d.id()).put("state", d.state().id());
        }
        if (e.mountGeneration() > 0) {
            o.put("generation", e.mountGeneration());
        }
        IdentityMatch match = e.match();
        if (match != null) {
            o.put("match", match.id());
        }
        DeviceState previous = e.previousState();
        if (previous != null) {
            o.put("from", previous.id());
        }
        MountedVolume v = e.volume();
        if (v != null) {
            o.set("volume", json(v));
        }
        if (!e.detail().isEmpty()) {
            o.put("detail", e.detail());
        }
        return o;
    }

    static String human(DeviceEvent e) {
        String time = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault()).format(e.at());
        MountedVolume v = e.volume();
        DeviceRecord d = e.device();
        IdentityMatch match = e.match();
        String device = d == null ? "" : "device " + d.id() + (d.name().isEmpty() ? "" : " '" + d.name() + "'");
        // Every kind but a registration's STATE carries its volume, and STATE and IDENTITY with a match their device.
        String where = v == null ? "(no volume)" : v.mountPoint().toString();
        return time + "  " + switch (e.kind()) {
            case MOUNTED -> "mounted    " + where + (v == null ? "" : "  (" + (v.fsType() + " " + v.fsId()).strip()
                    + (v.label().isEmpty() ? "" : " '" + v.label() + "'") + (v.deviceNode().isEmpty() ? "" : ", " + v.deviceNode())
                    + ")") + (e.initial() ? "  [already mounted]" : "");
            case IDENTITY -> d == null ? "identity   " + where + ": " + e.detail()
                    : "identity   " + device + "  " + d.state() + "  generation " + e.mountGeneration() + "  ("
                            + (match == null ? "" : match.id()) + ")" + (e.detail().isEmpty() ? "" : "  WARNING: " + e.detail());
            case STATE -> "state      " + device + "  " + e.previousState() + " -> " + (d == null ? "?" : d.state());
            case UNMOUNTED -> "unmounted  " + where + (d == null ? "" : "  (" + device + ", generation " + e.mountGeneration() + ")");
        };
    }

    static String size(long bytes) {
        if (bytes <= 0) {
            return "-";
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " B" : String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, units[u]);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** {@code value} as text, or {@code absent} when there is none. */
    private static @Nullable String text(@Nullable Object value, @Nullable String absent) {
        return value == null ? absent : value.toString();
    }

    private static String local(Instant at) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault()).format(at);
    }
}
