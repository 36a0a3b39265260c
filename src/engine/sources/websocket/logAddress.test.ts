import { describe, expect, it } from 'vitest';
import { logConnectUrl, streamsApiOf, topicPartitions } from './logAddress';

describe('log addresses', () => {
  it('sets from= to the position, replacing one the URL had, keeping other parameters', () => {
    expect(logConnectUrl('ws://h:1/topics/t', 'offsets:0=3,1=9')).toBe('ws://h:1/topics/t?from=offsets:0=3,1=9');
    expect(logConnectUrl('ws://h:1/topics/t?from=latest&x=1', 'earliest')).toBe('ws://h:1/topics/t?x=1&from=earliest');
  });

  it('finds /api/streams and the topic of a topic URL, over http or https', () => {
    expect(streamsApiOf('ws://h:1/topics/my%20topic')).toEqual({ api: 'http://h:1/api/streams', topic: 'my topic' });
    expect(streamsApiOf('wss://h/base/topics/t')).toEqual({ api: 'https://h/base/api/streams', topic: 't' });
    expect(streamsApiOf('ws://h/streams/sensors')).toBeNull();
  });

  it('reads the partitions of a topic from the listing, null when it is not listed', () => {
    const body = { topics: [{ name: 't', partitions: [{ partition: 0 }, { partition: 1 }, { partition: -1 }] }] };
    expect(topicPartitions(body, 't')).toEqual([0, 1]);
    expect(topicPartitions(body, 'u')).toBeNull();
    expect(topicPartitions('nonsense', 't')).toBeNull();
  });
});
