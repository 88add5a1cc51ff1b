/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;

import io.cartwright.routing.CameraLayouts;
import io.cartwright.routing.spi.CameraLayoutProvider;
import io.cartwright.routing.spi.CardTree;
import io.cartwright.routing.spi.SourceLayout;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Collects camera layouts: every {@link CameraLayoutProvider} service (whiteboard, dynamic) and the
 * JSON layouts of bundles with a {@value #HEADER} manifest header (a {@link BundleTracker}
 * extender, like e4's {@code Model-Fragment}). Thread-safe. Also registered for
 * {@link java.util.ServiceLoader} (without providers) so plain-Java tools can read layout files.
 */
@Component(service = CameraLayouts.class)
public final class CameraLayoutRegistry implements CameraLayouts {

    /** The manifest header of data-only layout bundles: comma-separated paths, {@code *} allowed in the file name. */
    public static final String HEADER = "Camera-Layouts";

    private static final System.Logger LOG = System.getLogger(CameraLayoutRegistry.class.getName());

    private record Registered(CameraLayoutProvider provider, int ranking, Object owner) {
    }

    private final List<Registered> providers = new CopyOnWriteArrayList<>();
    private final @Nullable BundleTracker<@Nullable List<Registered>> tracker;

    /** Plain-Java use: providers are added by hand. */
    public CameraLayoutRegistry() {
        this.tracker = null;
    }

    @Activate
    public CameraLayoutRegistry(BundleContext context) {
        BundleTracker<@Nullable List<Registered>> layouts = new BundleTracker<>(context,
                Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE,
                new BundleTrackerCustomizer<>() {
                    @Override
                    @NonNullByDefault({}) // OSGi leaves these parameters unannotated
                    public List<Registered> addingBundle(Bundle bundle, BundleEvent event) {
                        String header = bundle.getHeaders("").get(HEADER);
                        return header == null ? null : addLayouts(bundle, header);
                    }

                    @Override
                    @NonNullByDefault({}) // OSGi leaves these parameters unannotated
                    public void modifiedBundle(Bundle bundle, BundleEvent event, List<Registered> added) {
                        // state changes between resolved, starting and active keep the layouts
                    }

                    @Override
                    @NonNullByDefault({}) // OSGi leaves these parameters unannotated
                    public void removedBundle(Bundle bundle, BundleEvent event, List<Registered> added) {
                        providers.removeAll(added);
                    }
                });
        this.tracker = layouts;
        layouts.open();
    }

    @Deactivate
    void deactivate() {
        if (tracker != null) {
            tracker.close();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addProvider(CameraLayoutProvider provider, Map<String, Object> properties) {
        Object r = properties.get(Constants.SERVICE_RANKING);
        providers.add(new Registered(provider, r instanceof Integer i ? i : 0, provider));
    }

    public void removeProvider(CameraLayoutProvider provider) {
        providers.removeIf(p -> p.owner() == provider);
    }

    /** Adds a provider without OSGi (tests, tools). */
    public void add(CameraLayoutProvider provider) {
        providers.add(new Registered(provider, 0, provider));
    }

    /** Reads a data-only layout, as the extender does for a bundle; for tests and tools. */
    public CameraLayoutProvider addLayout(InputStream json, String origin) throws IOException {
        DeclarativeLayout layout = DeclarativeLayout.read(json, origin);
        providers.add(new Registered(layout, 0, layout));
        return layout;
    }

    @Override
    public CameraLayoutProvider readLayout(InputStream json, String origin) throws IOException {
        return DeclarativeLayout.read(json, origin);
    }

    private List<Registered> addLayouts(Bundle bundle, String header) {
        List<Registered> added = new ArrayList<>();
        for (String element : header.split(",")) {
            String path = element.trim();
            if (path.isEmpty()) {
                continue;
            }
            int slash = path.lastIndexOf('/');
            String folder = slash < 0 ? "/" : path.substring(0, slash);
            String pattern = path.substring(slash + 1);
            Enumeration<URL> entries = bundle.findEntries(folder, pattern, false);
            if (entries == null) {
                LOG.log(System.Logger.Level.WARNING, "Bundle " + bundle.getSymbolicName() + ": " + HEADER + " entry '" + path
                        + "' names no file");
                continue;
            }
            while (entries.hasMoreElements()) {
                URL url = entries.nextElement();
                String origin = "bundle " + bundle.getSymbolicName() + ", " + url.getPath();
                try (InputStream in = url.openStream()) {
                    Registered r = new Registered(DeclarativeLayout.read(in, origin), 0, bundle);
                    providers.add(r);
                    added.add(r);
                } catch (IOException | IllegalArgumentException e) {
                    LOG.log(System.Logger.Level.ERROR, "Camera layout not loaded: " + e.getMessage());
                }
            }
        }
        return added;
    }

    @Override
    public List<String> providers() {
        return providers.stream().map(r -> r.provider().id()).sorted().distinct().toList();
    }

    @Override
    public Optional<SourceLayout> detect(CardTree card) {
        record Candidate(SourceLayout layout, long grouped, int ranking, String id) {
        }
        List<Candidate> found = new ArrayList<>();
        for (Registered r : providers) {
            detectWith(r.provider(), card).ifPresent(layout -> found.add(new Candidate(layout,
                    layout.clipGroups().stream().mapToLong(g -> g.members().size()).sum(), r.ranking(), r.provider().id())));
        }
        return found.stream()
                .min(Comparator.comparingLong((Candidate c) -> -c.grouped()).thenComparingInt(c -> -c.ranking())
                        .thenComparing(Candidate::id))
                .map(Candidate::layout);
    }

    @Override
    public Optional<SourceLayout> detect(CardTree card, String providerId) {
        return providers.stream().filter(r -> r.provider().id().equals(providerId)).findFirst()
                .flatMap(r -> detectWith(r.provider(), card));
    }

    private static Optional<SourceLayout> detectWith(CameraLayoutProvider provider, CardTree card) {
        try {
            Optional<SourceLayout> layout = provider.detect(card);
            return layout == null ? Optional.empty() : layout;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Camera layout provider " + provider.id() + " failed on card "
                    + card.name() + "; ignored: " + e);
            return Optional.empty();
        }
    }
}
