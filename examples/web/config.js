// Where the gateway is; the test server and `npm run example:web` write their own.
window.GATEWAY_URL = 'http://localhost:4000/graphql';
