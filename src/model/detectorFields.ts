/**
 * The fields every detector (family `detect`) adds to each record it passes
 * on. Alert sinks, charts' anomaly markers, `windowpane nab` and the Flink
 * SQL export all read these names, so they live in one place.
 */

/** How unusual the record is, in [0, 1]: 0 normal, 1 as anomalous as the detector can say. */
export const ANOMALY_SCORE_FIELD = 'anomaly_score';
/** The detector's verdict: true when the score passes its threshold, never during warm-up. */
export const IS_ANOMALY_FIELD = 'is_anomaly';
/**
 * A short sentence saying why, e.g. "92.1 is 4.3 sigma above the rolling
 * mean 70.2" for an anomaly; for a record judged normal one of its
 * detector's few fixed band sentences, e.g. "within 1.5 sigma of the rolling
 * mean" (so a long run's strings grow only with its anomalies); "warming up
 * (n of N)" during a key's warm-up, "held off after an anomaly" during a
 * hold-off and "no value" when the watched field has none.
 */
export const ANOMALY_REASON_FIELD = 'anomaly_reason';

/** The three, in the order a detector appends them after the record's own fields. */
export const DETECTOR_OUTPUT_FIELDS = [ANOMALY_SCORE_FIELD, IS_ANOMALY_FIELD, ANOMALY_REASON_FIELD] as const;
