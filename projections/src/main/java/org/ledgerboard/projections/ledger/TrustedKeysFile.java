package org.ledgerboard.projections.ledger;

import org.jboss.logging.Logger;
import org.ledgerboard.core.integrity.TrustedKeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The keys whose seals projections accept ({@code ledgerboard.trusted-keys}, a JWK Set as the auditor reads), read
 * again when the file changes, so that an operator adds a service's key without a restart. Without the file no
 * seal verifies, and each is quarantined: a missing key refuses, never passes.
 */
final class TrustedKeysFile implements Supplier<TrustedKeys> {
    private static final Logger LOG = Logger.getLogger(TrustedKeysFile.class);
    private static final TrustedKeys NONE = new TrustedKeys(List.of());

    private final Path file;
    private FileTime readAt;
    private TrustedKeys keys = NONE;
    private boolean unreadable;

    private TrustedKeysFile(Path file) {
        this.file = file;
    }

    static Supplier<TrustedKeys> of(Optional<Path> file) {
        if (file.isEmpty()) {
            LOG.warn("no trusted keys configured (ledgerboard.trusted-keys): every seal will be quarantined");
            return () -> NONE;
        }
        return new TrustedKeysFile(file.get());
    }

    @Override
    public synchronized TrustedKeys get() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (!modified.equals(readAt)) {
                keys = TrustedKeys.read(file);
                readAt = modified;
            }
            unreadable = false;
        } catch (IOException | RuntimeException e) {
            if (!unreadable) {
                LOG.warnf("cannot read the trusted keys %s (%s); keeping the keys read before", file, e.getMessage());
            }
            unreadable = true;
            readAt = null;
        }
        return keys;
    }
}
