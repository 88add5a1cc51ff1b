/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.app.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IPresentationEngine;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.osgi.service.event.Event;

import io.cartwright.app.internal.parts.RowCount;

/**
 * Self-check for headless machines and UI tests ({@code ./cartwright gui --screenshot FILE}): once the
 * workbench has started, shows every part, waits until the window is painted and no pane is still
 * busy ({@link RowCount#busy()}), saves a PNG of it and, when asked, a JSON report of every part's
 * rendering, then closes the workbench. With {@value #PART} set, that part is shown maximised.
 * Does nothing unless the system property {@value #SCREENSHOT} is set.
 */
public final class ScreenshotAddon {

    static final String SCREENSHOT = "cartwright.screenshot";
    static final String REPORT = "cartwright.screenshot.report";
    /** The part to show maximised in the screenshot ({@code routing}), by the end of its element id. */
    static final String PART = "cartwright.screenshot.part";
    private static final int SETTLE_MS = 1500;
    private static final int POLL_MS = 100;
    private static final long BUSY_LIMIT_MS = 20_000;

    @Inject
    @Optional
    void startupComplete(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event, MApplication app,
            EModelService models, IWorkbench workbench) {
        String target = System.getProperty(SCREENSHOT);
        if (target == null || target.isBlank()) {
            return;
        }
        MWindow window = app.getChildren().get(0);
        EPartService parts = window.getContext().get(EPartService.class);
        List<MPart> all = models.findElements(window, null, MPart.class);
        // Parts in a stack render lazily; showing each once proves every one can render.
        for (MPart part : all) {
            parts.showPart(part, EPartService.PartState.ACTIVATE);
        }
        String focus = System.getProperty(PART);
        String front = focus == null || focus.isBlank() ? "transfers" : focus.strip();
        all.stream().filter(p -> p.getElementId().endsWith("." + front)).findFirst().ifPresent(p -> {
            parts.showPart(p, EPartService.PartState.ACTIVATE);
            if (focus != null && !focus.isBlank() && (Object) p.getParent() instanceof MPartStack stack) {
                // The MinMax add-on does the rest, as for a double-click on the part's tab.
                stack.getTags().add(IPresentationEngine.MAXIMIZED);
            }
        });
        Display display = Display.getCurrent();
        long deadline = System.currentTimeMillis() + SETTLE_MS + BUSY_LIMIT_MS;
        display.timerExec(SETTLE_MS, new Runnable() {
            @Override
            public void run() {
                // Panes that read cards or plan in the background say when they are done.
                if (System.currentTimeMillis() < deadline && all.stream().anyMatch(p -> p.getObject() instanceof RowCount r && r.busy())) {
                    display.timerExec(POLL_MS, this);
                    return;
                }
                grab(display, window, all, target, workbench);
            }
        });
    }

    private static void grab(Display display, MWindow window, List<MPart> all, String target, IWorkbench workbench) {
        try {
            Shell shell = (Shell) window.getWidget();
            while (display.readAndDispatch()) {
                // let pending paints finish before grabbing pixels
            }
            writePng(shell, Path.of(target));
            String report = System.getProperty(REPORT);
            if (report != null && !report.isBlank()) {
                Files.writeString(Path.of(report), report(shell, all), StandardCharsets.UTF_8);
            }
            System.out.println("screenshot: " + Path.of(target).toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            System.err.println("cartwright: screenshot failed: " + e);
        } finally {
            workbench.close();
        }
    }

    private static void writePng(Shell shell, Path file) throws IOException {
        Rectangle bounds = shell.getBounds();
        Image image = new Image(shell.getDisplay(), bounds.width, bounds.height);
        GC gc = new GC(image);
        try {
            // print() paints the widget tree itself, so the result does not depend on a window manager.
            shell.print(gc);
        } finally {
            gc.dispose();
        }
        try {
            ImageData data = image.getImageData();
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {data};
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } finally {
            image.dispose();
        }
    }

    private static String report(Shell shell, List<MPart> parts) {
        StringBuilder json = new StringBuilder();
        Rectangle b = shell.getBounds();
        json.append("{\"window\":{\"title\":\"").append(escape(shell.getText())).append("\",\"width\":").append(b.width)
                .append(",\"height\":").append(b.height).append("},\"parts\":[");
        for (int i = 0; i < parts.size(); i++) {
            MPart part = parts.get(i);
            Object widget = part.getWidget();
            boolean rendered = widget instanceof Control c && !c.isDisposed();
            Rectangle size = rendered ? ((Control) widget).getBounds() : new Rectangle(0, 0, 0, 0);
            int children = rendered && widget instanceof org.eclipse.swt.widgets.Composite comp ? comp.getChildren().length : 0;
            json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(escape(part.getElementId()))
                    .append("\",\"label\":\"").append(escape(part.getLabel())).append("\",\"rendered\":").append(rendered)
                    .append(",\"width\":").append(size.width).append(",\"height\":").append(size.height)
                    .append(",\"children\":").append(children);
            if (part.getObject() instanceof RowCount rows) {
                json.append(",\"rows\":").append(rows.rowCount()).append(",\"texts\":[");
                List<String> texts = rows.rowTexts(50);
                for (int t = 0; t < texts.size(); t++) {
                    json.append(t == 0 ? "\"" : ",\"").append(escape(texts.get(t))).append('"');
                }
                json.append(']');
            }
            json.append('}');
        }
        return json.append("]}\n").toString();
    }

    private static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                out.append('\\').append(ch);
            } else if (ch < 0x20) {
                out.append(String.format("\\u%04x", (int) ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
