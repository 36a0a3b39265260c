/**
 * The Flink SQL export worker: validates, compiles and translates the open
 * pipeline off the main thread. A 300-node pipeline takes 150 ms or more to
 * export, which on the page would be a long task after every edit.
 */
import * as Comlink from 'comlink';
import { exportFlinkSql, type FlinkExportOptions, type FlinkExportResult } from '../../flinkSql';

export interface FlinkExportApi {
  /** `json`: the document as the pipeline format writes it. */
  exportSql(json: string, options: FlinkExportOptions): FlinkExportResult;
}

const api: FlinkExportApi = {
  exportSql: (json, options) => exportFlinkSql(JSON.parse(json) as unknown, options),
};

Comlink.expose(api);
