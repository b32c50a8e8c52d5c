package dev.beckon.suite.install;

import dev.beckon.adapters.install.InstallException;
import dev.beckon.suite.errors.ProblemException;
import jakarta.ws.rs.core.MultivaluedMap;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the install flows' refusals into problem answers, and reads callback input defensively. */
final class InstallErrors {

    private static final System.Logger LOG = System.getLogger(InstallErrors.class.getName());
    private static final int MAX_PARAMETERS = 32;

    private InstallErrors() {
    }

    /** The refusal as a problem with the kind's status; the message was written for the merchant. */
    static ProblemException problem(InstallException e) {
        log(e);
        return new ProblemException(e.kind().httpStatus(), e.getMessage());
    }

    /** Logs a refusal without secrets: the message names none. */
    static void log(InstallException e) {
        if (e.kind() == InstallException.Kind.PLATFORM_UNAVAILABLE) {
            LOG.log(System.Logger.Level.WARNING, "install failed: {0}", e.getMessage());
        } else {
            LOG.log(System.Logger.Level.INFO, "install refused ({0}): {1}", e.kind(), e.getMessage());
        }
    }

    /** One value per parameter; a repeated parameter is ambiguous and refused (its signature could not hold). */
    static Map<String, String> single(MultivaluedMap<String, String> parameters) {
        if (parameters.size() > MAX_PARAMETERS) {
            throw new ProblemException(400, "too many query parameters");
        }
        Map<String, String> single = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (parameter.getValue().size() != 1) {
                throw new ProblemException(400, "query parameter '" + parameter.getKey() + "' is given "
                        + parameter.getValue().size() + " times; send it once");
            }
            single.put(parameter.getKey(), parameter.getValue().get(0));
        }
        return single;
    }

    /** The body, at most {@code max} bytes; 413 beyond. */
    static byte[] body(InputStream body, int max) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = body.readNBytes(max + 1);
            if (bytes.length > max) {
                throw new ProblemException(413, "the body may be at most " + max + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new ProblemException(400, "the request body could not be read");
        }
    }
}
