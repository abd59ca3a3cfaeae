import { z } from 'zod';
import { faultRulesSchema } from './faults.ts';

// Unset and empty variables both take the default.
const blankAsUnset = (value: unknown) => (value === '' ? undefined : value);

const faultsJson = z.string().transform((source, ctx): unknown => {
  try {
    return JSON.parse(source);
  } catch {
    ctx.issues.push({ code: 'custom', message: 'must be a JSON array of fault rules', input: source });
    return z.NEVER;
  }
});

const emulatorEnvSchema = z.object({
  EMULATOR_PORT: z.preprocess(blankAsUnset, z.coerce.number().int().min(0).max(65535).default(4100)),
  EMULATOR_HOST: z.preprocess(blankAsUnset, z.string().default('127.0.0.1')),
  EMULATOR_LATENCY_MS: z.preprocess(blankAsUnset, z.coerce.number().int().nonnegative().default(0)),
  EMULATOR_FAULTS: z.preprocess(blankAsUnset, faultsJson.pipe(faultRulesSchema).default([])),
  EMULATOR_TOKEN_TTL: z.preprocess(blankAsUnset, z.coerce.number().int().positive().default(7200)),
});

export interface EmulatorEnv {
  port: number;
  host: string;
  latencyMs: number;
  faults: z.infer<typeof faultRulesSchema>;
  tokenTtlSeconds: number;
}

/** The standalone emulator's settings; the only reader of process.env for it. Throws a ZodError. */
export function readEmulatorEnv(env: NodeJS.ProcessEnv = process.env): EmulatorEnv {
  const parsed = emulatorEnvSchema.parse(env);
  return {
    port: parsed.EMULATOR_PORT,
    host: parsed.EMULATOR_HOST,
    latencyMs: parsed.EMULATOR_LATENCY_MS,
    faults: parsed.EMULATOR_FAULTS,
    tokenTtlSeconds: parsed.EMULATOR_TOKEN_TTL,
  };
}
