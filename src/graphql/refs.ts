import type { AppConfig } from '../config/index.ts';
import { builder } from './builder.ts';

/**
 * Types used by more than one module under types/: declared here, so type modules never import
 * each other. An object ref is implemented by its own module (`WeChatApp` in types/apps.ts).
 */

export const WeChatApp = builder.objectRef<AppConfig>('WeChatApp');

export const MiniProgramEnvVersion = builder.enumType('MiniProgramEnvVersion', {
  description: 'Which build of the mini program a code or link opens.',
  values: {
    RELEASE: { value: 'release', description: 'The published version (default).' },
    TRIAL: { value: 'trial', description: 'The trial (体验版) version.' },
    DEVELOP: { value: 'develop', description: 'The development version.' },
  } as const,
});

export const ContentCheckSuggest = builder.enumType('ContentCheckSuggest', {
  description: "WeChat's advice on checked content.",
  values: {
    PASS: { value: 'pass', description: 'Nothing found: publish it.' },
    REVIEW: { value: 'review', description: 'Possibly problematic: have a person look before publishing.' },
    RISKY: { value: 'risky', description: 'Problematic: do not publish.' },
  } as const,
});
