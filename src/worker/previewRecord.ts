/** A previewed record: field name -> value (times as epoch ms). Its own module so protocol and timelineTypes share it without importing each other. */
export type PreviewRecord = Readonly<Record<string, string | number | boolean | null>>;
