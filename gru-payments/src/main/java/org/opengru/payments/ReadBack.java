package org.opengru.payments;

/**
 * The outcome of reading a payment back: the payment as it now stands, and whether this read-back is
 * the one that settled it (at most one read-back per payment ever is).
 *
 * @param payment the payment as it now stands
 * @param settledNow whether this read-back settled it
 */
public record ReadBack(Payment payment, boolean settledNow) {}
