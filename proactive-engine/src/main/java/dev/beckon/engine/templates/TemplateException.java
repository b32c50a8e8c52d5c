package dev.beckon.engine.templates;

/** A template that cannot be compiled: bad Mustache syntax, an unclosed section, a partial. */
public final class TemplateException extends Exception {

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
