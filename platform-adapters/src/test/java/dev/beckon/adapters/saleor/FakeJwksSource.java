package dev.beckon.adapters.saleor;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Serves a JWKS per origin from memory and records every fetch. An origin it does not know fails. */
final class FakeJwksSource implements JwksSource {

    private final Map<URI, String> documents = new HashMap<>();
    private final List<URI> fetches = new ArrayList<>();

    FakeJwksSource serve(String origin, String jwks) {
        documents.put(URI.create(origin), jwks);
        return this;
    }

    FakeJwksSource remove(String origin) {
        documents.remove(URI.create(origin));
        return this;
    }

    List<URI> fetches() {
        return List.copyOf(fetches);
    }

    @Override
    public synchronized String fetch(URI origin) throws IOException {
        fetches.add(origin);
        String document = documents.get(origin);
        if (document == null) {
            throw new IOException("connection refused: " + origin);
        }
        return document;
    }
}
