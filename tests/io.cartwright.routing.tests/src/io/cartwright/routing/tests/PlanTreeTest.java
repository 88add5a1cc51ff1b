/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.routing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cartwright.routing.Channel;
import io.cartwright.routing.Matcher;
import io.cartwright.routing.PlanEntry;
import io.cartwright.routing.PlanTree;
import io.cartwright.routing.RoutePlan;
import io.cartwright.routing.RoutingService;
import io.cartwright.routing.Template;
import io.cartwright.routing.UnmatchedMode;
import io.cartwright.routing.internal.RoutingServiceImpl;
import io.cartwright.routing.spi.SourceLayout;

/** The destination tree the Routing pane and {@code route plan --tree} show. */
class PlanTreeTest {

    private final RoutingService routing = new RoutingServiceImpl();

    @Test
    void foldersFirstSingleFolderChainsJoinedQuarantineIncluded() {
        Template t = Template.of("dailies", UnmatchedMode.QUARANTINE,
                Channel.of("camera", "{project}/{day}/{unit}/CAMERA/{card}/{path}", Matcher.extension("mov")),
                Channel.of("reports", "{project}/{day}/REPORTS/{card}_{name}", Matcher.extension("ale")));
        RoutePlan plan = routing.plan(Cards.tree("A001", "CLIPS/A001C002.mov", "CLIPS/A001C001.mov", "a001.ale",
                "sub/b.mov", "NOTES.TXT"), t, Cards.tokens("A001"), SourceLayout.none());
        assertTrue(plan.executable(), plan.problems().toString());

        PlanTree root = PlanTree.of(plan);
        assertEquals("", root.name());
        assertFalse(root.isFile());
        assertEquals(List.of(
                "_QUARANTINE/A001/",
                "  NOTES.TXT [quarantine] <- NOTES.TXT",
                "NIGHTJAR/DAY01/",
                "  MAIN/CAMERA/A001/",
                "    CLIPS/",
                "      A001C001.mov [camera] <- CLIPS/A001C001.mov",
                "      A001C002.mov [camera] <- CLIPS/A001C002.mov",
                "    sub/",
                "      b.mov [camera] <- sub/b.mov",
                "  REPORTS/",
                "    A001_a001.ale [reports] <- a001.ale"), lines(root),
                "by name ignoring case ('_' before letters), folders before files, 'MAIN/CAMERA/A001' one node");

        PlanTree day = root.children().get(1);
        assertEquals("NIGHTJAR/DAY01", day.path(), "a joined node carries its full path");
        assertNull(day.entry());
        PlanTree cardRoot = day.children().get(0);
        assertEquals("NIGHTJAR/DAY01/MAIN/CAMERA/A001", cardRoot.path());
        assertEquals(3, cardRoot.files().size());
        assertEquals(3, cardRoot.bytes(), "three 1-byte files");
        assertEquals(plan.copies().size(), root.files().size(), "every copy is a leaf, none twice");
        assertEquals(plan.copies().stream().map(PlanEntry::destination).sorted().toList(),
                root.files().stream().map(PlanEntry::destination).sorted().toList());
    }

    @Test
    void anEmptyPlanIsAnEmptyRoot() {
        Template t = Template.of("none", UnmatchedMode.IGNORE, Channel.of("x", "{card}/{path}", Matcher.extension("mov")));
        PlanTree root = PlanTree.of(routing.plan(Cards.tree("A001", "a.txt"), t, Cards.tokens("A001"), SourceLayout.none()));
        assertTrue(root.children().isEmpty());
        assertEquals(0, root.bytes());
    }

    private static List<String> lines(PlanTree root) {
        List<String> out = new ArrayList<>();
        root.children().forEach(c -> lines(c, "", out));
        return out;
    }

    private static void lines(PlanTree node, String indent, List<String> out) {
        if (node.isFile()) {
            out.add(indent + node.name() + " [" + node.entry().channel() + "] <- " + node.entry().source());
            return;
        }
        out.add(indent + node.name() + "/");
        node.children().forEach(c -> lines(c, indent + "  ", out));
    }
}
