/** Checks one Zendesk signature against every secret: base64 HMAC-SHA256 of `timestamp + raw body`. */
export type ZendeskSignatureCheck = (timestamp: string, rawBody: Uint8Array, signature: string) => boolean | Promise<boolean>;

/** Builds a signature check for a list of secrets (used as literal strings). */
export type CreateZendeskSignatureCheck = (secrets: ReadonlyArray<string>) => ZendeskSignatureCheck;
