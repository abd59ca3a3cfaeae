import { builder } from './builder.ts';
import './types/analytics.ts';
import './types/delivery-events.ts';
import './types/apps.ts';
import './types/events.ts';
import './types/links.ts';
import './types/local-delivery.ts';
import './types/logistics.ts';
import './types/messages.ts';
import './types/ocr.ts';
import './types/ops.ts';
import './types/qrcode.ts';
import './types/security.ts';
import './types/session.ts';
import './types/token.ts';
import './types/users.ts';
import './types/user-risk.ts';

export const schema = builder.toSchema({ sortSchema: true });
