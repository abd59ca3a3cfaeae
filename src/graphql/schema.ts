import { builder } from './builder.ts';
import './types/apps.ts';
import './types/ops.ts';
import './types/session.ts';
import './types/token.ts';

export const schema = builder.toSchema({ sortSchema: true });
