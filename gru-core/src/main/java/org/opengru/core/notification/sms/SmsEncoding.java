package org.opengru.core.notification.sms;

/** How an SMS text is encoded on the air, which sets how much fits in a segment. */
public enum SmsEncoding {
    /** GSM 03.38 default alphabet, 7 bits a character: 160 per single SMS, 153 per concatenated segment. */
    GSM_7BIT(160, 153),
    /** UCS-2 (UTF-16 code units), for any other character: 70 per single SMS, 67 per segment. */
    UCS2(70, 67);

    private final int single;
    private final int perSegment;

    SmsEncoding(int single, int perSegment) {
        this.single = single;
        this.perSegment = perSegment;
    }

    /**
     * Units (septets or UTF-16 code units) a single-segment SMS holds.
     *
     * @return 160 or 70
     */
    public int singleCapacity() {
        return single;
    }

    /**
     * Units each segment of a concatenated SMS holds (the rest carries the concatenation header).
     *
     * @return 153 or 67
     */
    public int segmentCapacity() {
        return perSegment;
    }
}
