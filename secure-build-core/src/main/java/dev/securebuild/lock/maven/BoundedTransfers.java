package dev.securebuild.lock.maven;

import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferCancelledException;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.transfer.TransferListener;

/** Passes every event on to the build's listener (Maven's download log), and cancels a transfer past a number of bytes. */
final class BoundedTransfers extends AbstractTransferListener {
    private final TransferListener build;
    private final long maxBytes;

    BoundedTransfers(TransferListener build, long maxBytes) {
        this.build = build;
        this.maxBytes = maxBytes;
    }

    @Override
    public void transferInitiated(TransferEvent event) throws TransferCancelledException {
        if (build != null) {
            build.transferInitiated(event);
        }
    }

    @Override
    public void transferStarted(TransferEvent event) throws TransferCancelledException {
        if (build != null) {
            build.transferStarted(event);
        }
    }

    @Override
    public void transferProgressed(TransferEvent event) throws TransferCancelledException {
        if (event.getTransferredBytes() > maxBytes) {
            throw new TransferCancelledException("a checksum file of more than " + maxBytes + " bytes");
        }
        if (build != null) {
            build.transferProgressed(event);
        }
    }

    @Override
    public void transferSucceeded(TransferEvent event) {
        if (build != null) {
            build.transferSucceeded(event);
        }
    }

    @Override
    public void transferFailed(TransferEvent event) {
        if (build != null) {
            build.transferFailed(event);
        }
    }

    @Override
    public void transferCorrupted(TransferEvent event) throws TransferCancelledException {
        if (build != null) {
            build.transferCorrupted(event);
        }
    }
}
