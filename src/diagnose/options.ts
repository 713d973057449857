/** What the caller of diagnose() can tell it besides the inputs. */
import type { Command } from '../model/report.js';

export interface DiagnoseOptions {
  /** diagnose (default), explain or verify: explain and verify accept a request alone. */
  command?: Command;
  /** The AccessKey secret (from OSS_ACCESS_KEY_SECRET or --secret-file). Never reported. */
  secret?: string;
  /** `--bucket`: the bucket when the Host cannot tell (custom domain). */
  bucket?: string;
  /** `--cname`: the Host is a custom domain bound to the bucket. */
  cname?: boolean;
  /** `--region`: the region when the Host cannot tell (V4). */
  region?: string;
}
