package dev.beckon.api.model;

final class Ids {

    static final int MAX_LENGTH = 255;

    private Ids() {
    }

    static String require(String value, String type) {
        if (value == null) {
            throw new IllegalArgumentException(type + " must not be null");
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(type + " must not be blank");
        }
        if (trimmed.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(type + " is longer than " + MAX_LENGTH + " characters");
        }
        return trimmed;
    }
}
