// The comparison bot of bench/compare-botbuilder: Microsoft's Bot Framework SDK for JavaScript
// (botbuilder 4.23 CloudAdapter on express), set up as its samples do, with its token check
// pointed at the loopback OpenID metadata / JWKS stand-in and its replies going to the loopback
// Bot Connector, so it verifies every JWT for real and posts every reply like superbot.
//
// It has no knowledge base: every message is answered with the fixed text in BENCH_REPLY_TEXT
// (the bench passes superbot's own answer to the same question), as an Adaptive Card with a
// source line and the buttons "Læs mere", "Nyttigt" and "Ikke nyttigt", like superbot's reply.
//
// Environment: PORT, BENCH_STANDIN (the stand-in's base URL, ending in /), BENCH_APP_ID,
// BENCH_APP_PASSWORD, BENCH_REPLY_TEXT.
'use strict';

const express = require('express');
const {
    ActivityHandler,
    CardFactory,
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
    MessageFactory,
} = require('botbuilder');
const { AppCredentials, ServiceClientCredentialsFactory } = require('botframework-connector');

const port = Number(process.env.PORT || 3979);
const standin = process.env.BENCH_STANDIN;
const appId = process.env.BENCH_APP_ID;
const appPassword = process.env.BENCH_APP_PASSWORD || 'bench';
const replyText = process.env.BENCH_REPLY_TEXT || 'Fast svar.';
if (!standin || !appId) {
    console.error('bot.js needs BENCH_STANDIN and BENCH_APP_ID');
    process.exit(2);
}

// The SDK gets Connector tokens through MSAL, which accepts only https authorities and asks
// login.microsoftonline.com for instance discovery. The loopback token endpoint is plain http,
// so this credential does the same client-credentials grant itself; AppCredentials.getToken
// keeps caching the token as it does for MSAL's (until 5 minutes before it expires).
// https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication#bot-to-connector
class LoopbackAppCredentials extends AppCredentials {
    constructor(id, scope) {
        super(id, undefined, scope);
        this.oAuthEndpoint = standin + 'token';
    }

    async refreshToken() {
        const body = new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: this.appId,
            client_secret: appPassword,
            scope: this.oAuthScope + '/.default',
        });
        const res = await fetch(this.oAuthEndpoint, { method: 'POST', body });
        if (!res.ok) throw new Error(`token endpoint answered ${res.status}`);
        const token = await res.json();
        return { accessToken: token.access_token, expiresOn: new Date(Date.now() + token.expires_in * 1000) };
    }
}

class LoopbackCredentialsFactory extends ServiceClientCredentialsFactory {
    async isValidAppId(id) {
        return id === appId;
    }

    async isAuthenticationDisabled() {
        return false;
    }

    async createCredentials(id, audience) {
        if (id !== appId) throw new Error('Invalid appId.');
        return new LoopbackAppCredentials(id, audience);
    }
}

// Any of the "ToBotFromChannel…" settings makes the SDK use these values instead of the public
// cloud's (BotFrameworkAuthenticationFactory.create): tokens must come from the stand-in's
// OpenID metadata / JWKS and carry the Bot Framework's issuer, our app id as audience, the
// activity's serviceUrl and the channel's endorsement, exactly what superbot checks.
const auth = new ConfigurationBotFrameworkAuthentication(
    {
        MicrosoftAppId: appId,
        MicrosoftAppType: 'MultiTenant',
        ToBotFromChannelOpenIdMetadataUrl: standin + 'openid',
        ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
        ToBotFromEmulatorOpenIdMetadataUrl: standin + 'openid',
        ToChannelFromBotLoginUrl: standin + 'token',
        ToChannelFromBotOAuthScope: 'https://api.botframework.com',
        ValidateAuthority: false,
    },
    new LoopbackCredentialsFactory(),
);
const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (context, error) => {
    console.error(`turn failed: ${error.message}`);
};

function answerCard(text) {
    return CardFactory.adaptiveCard({
        type: 'AdaptiveCard',
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        version: '1.4',
        body: [
            { type: 'TextBlock', text, wrap: true },
            { type: 'TextBlock', text: 'Kilde: DUBU-superbruger', wrap: true, isSubtle: true, size: 'Small' },
        ],
        actions: [
            { type: 'Action.Submit', title: 'Læs mere', data: { msteams: { type: 'imBack', value: 'læs mere superbruger' } } },
            { type: 'Action.Submit', title: 'Nyttigt', data: { msteams: { type: 'imBack', value: 'feedback 1 ja' } } },
            { type: 'Action.Submit', title: 'Ikke nyttigt', data: { msteams: { type: 'imBack', value: 'feedback 1 nej' } } },
        ],
    });
}

class FixedAnswerBot extends ActivityHandler {
    constructor() {
        super();
        this.onMessage(async (context, next) => {
            const reply = MessageFactory.attachment(answerCard(replyText));
            reply.text = replyText;
            await context.sendActivity(reply);
            await next();
        });
    }
}

const bot = new FixedAnswerBot();
const app = express();
app.use(express.json({ limit: '256kb' }));
app.get('/healthz', (req, res) => res.send('ok'));
app.post('/api/messages', (req, res) => adapter.process(req, res, (context) => bot.run(context)));
app.listen(port, '127.0.0.1', () => console.error(`botbuilder bench bot on 127.0.0.1:${port}`));
// Exit through process.exit on SIGTERM, so diagnostics (node --cpu-prof) are written.
process.on('SIGTERM', () => process.exit(0));
