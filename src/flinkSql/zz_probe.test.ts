import { it } from 'vitest';
import { scriptErrors } from './exportTesting';
it('x', () => {
  for (const i of [`INTERVAL '1:40' MINUTE TO SECOND`, `INTERVAL '1 02:03:04.005' DAY TO SECOND`, `INTERVAL '100' DAY(3)`, `INTERVAL '0 00:01:40' DAY TO SECOND`, `INTERVAL '-1 02:03:04.005' DAY TO SECOND(3)`, `INTERVAL '100' SECOND`, `INTERVAL '36500 00:00:00' DAY(5) TO SECOND`, `INTERVAL '1.5' SECOND`,`INTERVAL '1.5' SECOND(2, 3)`, `INTERVAL '-5' SECOND`, `INTERVAL '01:40' MINUTE TO SECOND`, `INTERVAL '100' YEAR`])
    console.log(i, JSON.stringify(scriptErrors(`SELECT * FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(r), ${i}));`)));
});
