'use strict';

// autocannon `verifyBody`: a response whose body is not a GraphQL result free of top-level
// `errors` counts as a mismatch, which the bench reports as a GraphQL error.
// Plain CommonJS because autocannon's worker threads `require` it by path.
// The substring test keeps the common (clean) path cheap; JSON.parse confirms the key is top-level.
module.exports = function verifyGraphQLBody(body) {
  if (!body.includes('"errors"')) return true;
  try {
    const parsed = JSON.parse(body);
    return !(parsed && typeof parsed === 'object' && Array.isArray(parsed.errors) && parsed.errors.length > 0);
  } catch {
    return false;
  }
};
