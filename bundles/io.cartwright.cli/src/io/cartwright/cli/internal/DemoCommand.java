/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.cartwright.cli.internal.demo.DemoCards;
import io.cartwright.core.CartwrightException;
import io.cartwright.core.ExitCode;
import io.cartwright.core.ProductInfo;
import io.cartwright.store.Store;
import io.cartwright.transfer.JobSummary;
import io.cartwright.transfer.OffloadRequest;
import io.cartwright.transfer.TransferService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.eclipse.jdt.annotation.Nullable;

/**
 * {@code cartwright demo}: makes sample cards with real FFmpeg clips and offloads each to a primary
 * and a backup folder, verified, on the default database. Run it twice to see verified files skipped.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Make sample camera cards (ARRI, Sony XDROOT, sound recorder) with real clips encoded by FFmpeg",
                "and offload each to DIR/primary and DIR/backup, verified, with ASC MHL. Exit codes as for offload."})
final class DemoCommand extends BaseCommand {

    @Option(names = "--dir", paramLabel = "DIR", description = "Where the cards and destinations go (default: <data folder>/demo).")
    @Nullable Path dir;

    DemoCommand(CommandContext context) {
        super(context);
    }

    @Override
    protected ExitCode execute() throws IOException, InterruptedException {
        Path base = (dir != null ? dir : context.services().get(ProductInfo.class).locations().dataHome().resolve("demo"))
                .toAbsolutePath().normalize();
        Path primary = Files.createDirectories(base.resolve("primary"));
        Path backup = Files.createDirectories(base.resolve("backup"));
        Output out = output();
        if (!out.json()) {
            context.err().println("Making sample cards in " + base.resolve("cards") + " ...");
        }
        List<DemoCards.Card> cards = new DemoCards(Files.createDirectories(base.resolve("cards")), DemoCards.findFfmpeg())
                .makeAll();
        TransferService transfers = context.services().get(TransferService.class);
        Store store = store();
        ExitCode worst = ExitCode.OK;
        for (DemoCards.Card card : cards) {
            if (!out.json()) {
                context.err().println();
                context.err().println("Offloading " + card.label() + " — " + card.description());
            }
            OffloadRequest request = OffloadRequest.of(card.root(),
                    List.of(primary.resolve(card.label()), backup.resolve(card.label())), card.label());
            OffloadProgress progress = new OffloadProgress(out, context.err(), Boolean.getBoolean(OffloadCommand.TTY_PROPERTY));
            JobSummary summary = OffloadCommand.runOrResume(transfers, store, request, progress,
                    out.json() ? null : context.err());
            OffloadCommand.report(out, summary);
            if (summary.exitCode().code() > worst.code()) {
                worst = summary.exitCode();
            }
        }
        if (!out.json()) {
            context.err().println();
            context.err().println("Copies are in " + primary + " and " + backup + "; check one with: cartwright verify "
                    + primary.resolve(cards.get(0).label()));
        }
        if (worst == ExitCode.USAGE) {
            throw new CartwrightException(ExitCode.FAILED, "The demo could not run.", "See the messages above.");
        }
        return worst;
    }
}
