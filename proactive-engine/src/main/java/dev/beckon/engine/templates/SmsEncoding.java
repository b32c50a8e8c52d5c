package dev.beckon.engine.templates;

/** How an SMS body travels: the GSM 03.38 7-bit alphabet, or UCS-2 as soon as one character is outside it. */
public enum SmsEncoding {
    /** 160 septets in one segment, 153 per segment when concatenated. */
    GSM_7(160, 153),
    /** 70 UTF-16 code units in one segment, 67 per segment when concatenated. */
    UCS_2(70, 67);

    private final int single;
    private final int concatenated;

    SmsEncoding(int single, int concatenated) {
        this.single = single;
        this.concatenated = concatenated;
    }

    /** The units (septets or UTF-16 code units) that fit in a message of one segment. */
    public int singleSegmentUnits() {
        return single;
    }

    /** The units that fit in each part of a concatenated message (the rest carries the reassembly header). */
    public int concatenatedSegmentUnits() {
        return concatenated;
    }
}
