package dev.beckon.engine.persistence;

import dev.beckon.api.plugin.BeckonException;

/** The database failed: broken infrastructure, not bad input. */
public final class StorageException extends BeckonException {

    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
