import { describeAuthRules } from './auth-rules.ts';
import { builder } from './builder.ts';
import './types/analytics.ts';
import './types/apps.ts';
import './types/events.ts';
import './types/links.ts';
import './types/messages.ts';
import './types/oa-qrcode.ts';
import './types/ops.ts';
import './types/publisher.ts';
import './types/qrcode.ts';
import './types/security.ts';
import './types/session.ts';
import './types/short-keys.ts';
import './types/template-messages.ts';
import './types/token.ts';
import './types/users.ts';

export const schema = describeAuthRules(builder.toSchema({ sortSchema: true }));
