/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.device;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.cartwright.core.CartwrightException;
import io.cartwright.mount.FilesystemFacts;
import io.cartwright.mount.MountedVolume;
import io.cartwright.store.Store;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The registry of devices. Provided as an OSGi service by this bundle ({@link ProviderType}); callers
 * pass the {@link Store} they opened. Every change is one transaction with its activity row.
 * States are computed against the live {@link io.cartwright.mount.MountService}. Thread-safe.
 *
 * <p>Identities: a volume is recognised by the keys of {@link IdentityRecipe}, hardware first. A
 * volume that matches no device becomes a new device in state {@link DeviceState#UNREGISTERED};
 * it is never treated as project media until {@link #register} is called for it explicitly. Volumes
 * the mount service classifies as system, and volumes without any identity (network shares), are
 * not recorded.
 */
@ProviderType
public interface DeviceRegistry {

    /**
     * Recognises a mounted volume and records the sighting: creates the device if unknown, learns
     * new identity keys, and gives this mount appearance ({@link MountedVolume#key()}) its mount
     * generation (the same one on every later call for the same appearance). Empty for system volumes
     * and volumes that cannot be identified.
     */
    Optional<Resolution> resolve(Store store, MountedVolume volume);

    /** Records that a volume was unmounted (no-op if its mount was never recorded). */
    void unmounted(Store store, MountedVolume volume);

    /** The device a volume would resolve to, without recording anything. */
    Optional<DeviceRecord> lookup(Store store, MountedVolume volume);

    /** A device by id. */
    Optional<DeviceRecord> device(Store store, long id);

    /**
     * A device by barcode or id: a value equal to a device's barcode means that device; otherwise a
     * number (optionally {@code id:12} or {@code #12}) is an id.
     */
    Optional<DeviceRecord> find(Store store, String idOrBarcode);

    /** The device with its identities and lifetime history. */
    Optional<DeviceDetails> show(Store store, String idOrBarcode);

    /**
     * The devices: registered ones and those mounted now; with {@code all}, also unregistered devices
     * seen earlier. Ordered by id.
     */
    List<DeviceRecord> list(Store store, boolean all);

    /**
     * Records every volume mounted now ({@link #resolve}) and closes the mount records of volumes no
     * longer mounted. Does nothing to mount records when no mount provider runs.
     *
     * @return the number of volumes resolved
     */
    int refresh(Store store);

    /**
     * Registers a device explicitly. A device already registered keeps its registration; a given
     * name or barcode is updated.
     *
     * @param name the user's name; null keeps the current one (a new registration defaults to the label)
     * @param barcode a scanned value; null keeps the current one
     * @throws CartwrightException {@code USAGE} if there is no such device or the barcode is on another device
     */
    DeviceRecord register(Store store, long deviceId, @Nullable String name, @Nullable String barcode, String actor);

    /**
     * Sets the role.
     *
     * @throws CartwrightException {@code USAGE} if there is no such device
     */
    DeviceRecord setRole(Store store, long deviceId, VolumeRole role, String actor);

    /**
     * Sets or clears (empty) the barcode.
     *
     * @throws CartwrightException {@code USAGE} if there is no such device or the barcode is on another device
     */
    DeviceRecord setBarcode(Store store, long deviceId, String barcode, String actor);

    /**
     * The format path: links the filesystem Cartwright just created on a device to that device, so
     * the card keeps its identity on its next mount. Call it after the format, before the new
     * filesystem is mounted; read the facts with {@link io.cartwright.mount.MountService#probe}.
     *
     * @throws CartwrightException {@code USAGE} if there is no such device or the facts carry no id,
     *         {@code REFUSED} if that filesystem identity already belongs to another device
     */
    DeviceRecord linkNewFilesystem(Store store, long deviceId, FilesystemFacts newFilesystem, String actor);

    /**
     * Starts recording every mount and unmount into {@code store} (mount generations, activity rows)
     * and reports {@link DeviceEvent}s to {@code listener} until closed. The volumes already mounted
     * are reported first ({@link DeviceEvent#initial()}). One recorder per store is shared by all
     * watches of that store; the store's file is classified as a system volume.
     */
    DeviceWatch watch(Store store, DeviceListener listener);
}
