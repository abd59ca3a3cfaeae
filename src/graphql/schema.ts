import { builder } from './builder.ts';
import './types/analytics.ts';
import './types/apps.ts';
import './types/events.ts';
import './types/links.ts';
import './types/messages.ts';
import './types/ops.ts';
import './types/qrcode.ts';
import './types/security.ts';
import './types/session.ts';
import './types/token.ts';
import './types/users.ts';
import './types/viewer-events.ts';
import './types/web-auth.ts';

export const schema = builder.toSchema({ sortSchema: true });
