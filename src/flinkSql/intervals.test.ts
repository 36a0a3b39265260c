import { describe, expect, it } from 'vitest';
import { interval } from './intervals';
import { FlinkSQL } from 'dt-sql-parser';
import { mapOutsideComments, scriptErrors, withoutIntervalPrecision } from './exportTesting';

describe('interval literals', () => {
  it('uses one unit while the value stays below 100, then compound literals', () => {
    expect(interval(5000)).toBe("INTERVAL '5' SECOND");
    expect(interval(0)).toBe("INTERVAL '0' SECOND");
    expect(interval(60_000)).toBe("INTERVAL '1' MINUTE");
    expect(interval(86_400_000)).toBe("INTERVAL '1' DAY");
    expect(interval(-15_000)).toBe("INTERVAL '-15' SECOND");
    expect(interval(1500)).toBe("INTERVAL '1.5' SECOND");
    expect(interval(5)).toBe("INTERVAL '0.005' SECOND");
    expect(interval(100_000)).toBe("INTERVAL '1:40' MINUTE TO SECOND");
    expect(interval(100_250)).toBe("INTERVAL '1:40.25' MINUTE TO SECOND");
    expect(interval(-(2 * 3_600_000 + 5_000))).toBe("INTERVAL '-2:00:05' HOUR TO SECOND");
    expect(interval(100 * 3_600_000)).toBe("INTERVAL '4 04:00:00' DAY TO SECOND");
    expect(interval(100 * 60_000)).toBe("INTERVAL '1:40:00' HOUR TO SECOND");
    expect(interval(365 * 86_400_000)).toBe("INTERVAL '365 00:00:00' DAY(3) TO SECOND");
  });

  it('writes only literals the grammar accepts below 100 days', () => {
    for (const ms of [1, 999, 1500, 99_999, 100_000, 5_999_999, 6_000_000, 359_999_999, 360_000_000, 8_639_999_999, -100_000]) {
      expect(scriptErrors(`SELECT * FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(r), ${interval(ms)}));`), String(ms)).toEqual([]);
    }
  });

  it('checks 100 days or more with the precision removed, which the raw grammar still rejects', () => {
    const sql = `SELECT * FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(r), ${interval(365 * 86_400_000)}));`;
    expect(new FlinkSQL().validate(sql)).not.toEqual([]);
    expect(withoutIntervalPrecision(sql)).toContain("INTERVAL '365 00:00:00' DAY TO SECOND");
    expect(scriptErrors(sql)).toEqual([]);
  });
});

describe('the script grammar check', () => {
  it('leaves comments alone, a lone quote in them included, and applies the stand-ins to the SQL', () => {
    const script = "-- Flink's comment\nSELECT SQRT(`a'b`) FROM t; -- it's fine\n";
    expect(mapOutsideComments(script, (sql) => sql.replace('SQRT', 'ABS'))).toBe("-- Flink's comment\nSELECT ABS(`a'b`) FROM t; -- it's fine\n");
    expect(scriptErrors(script)).toEqual([]);
    expect(scriptErrors("-- Flink's comment\nSELECT FROM WHERE;")).not.toEqual([]);
  });
});
