import { builder } from './builder.ts';
import './types/apps.ts';
import './types/ops.ts';

export const schema = builder.toSchema({ sortSchema: true });
