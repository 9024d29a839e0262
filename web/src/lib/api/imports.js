// Imports of reference lists and the jobs that run them (modules `imports` and `jobs`).
import { get, request } from './core.js';

export default {
  imports: {
    columns: (kind, signal) => get(`/imports/${encodeURIComponent(kind)}/columns`, undefined, signal),
    /** The column names in the first row of a table file (CSV or .xlsx), read by the server: `{format, columns}`. */
    header: async (kind, { file, fileName, fileType }) =>
      (
        await request('POST', `/imports/${encodeURIComponent(kind)}/header`, {
          file,
          fileType,
          query: { file_name: fileName },
        })
      ).data,
    /** Queues an import of `file` (a File or text); answers the job. */
    start: async (kind, { file, fileName, fileType, dryRun, columns }) =>
      (
        await request('POST', `/imports/${encodeURIComponent(kind)}`, {
          file,
          fileType,
          query: {
            dry_run: dryRun ? 'true' : 'false',
            file_name: fileName,
            columns: columns ? JSON.stringify(columns) : undefined,
          },
        })
      ).data,
  },
  jobs: {
    list: (query, signal) => get('/jobs', query, signal),
    get: (id, signal) => get(`/jobs/${id}`, undefined, signal),
    cancel: async (id) => (await request('POST', `/jobs/${id}/cancel`)).data,
    reportUrl: (id) => `/api/v1/jobs/${id}/report`,
  },
};
